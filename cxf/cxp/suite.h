// SPDX-License-Identifier: MIT
// HPKE (RFC 9180) algorithm identifiers, the suites cxf implements, and their sizes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace cxf::cxp::hpke {

// RFC 9180 §7 (IANA "HPKE" registry) ids.
enum class Kem : std::uint16_t { p256_sha256 = 0x0010, x25519_sha256 = 0x0020 };
enum class Kdf : std::uint16_t { hkdf_sha256 = 0x0001, hkdf_sha384 = 0x0002, hkdf_sha512 = 0x0003 };
enum class Aead : std::uint16_t {
    aes128_gcm = 0x0001,
    aes256_gcm = 0x0002,
    chacha20_poly1305 = 0x0003,
    export_only = 0xFFFF
};
enum class Mode : std::uint8_t { base = 0x00, psk = 0x01, auth = 0x02, auth_psk = 0x03 };

struct Suite {
    Kem kem = Kem::x25519_sha256;
    Kdf kdf = Kdf::hkdf_sha256;
    Aead aead = Aead::aes256_gcm;
    friend bool operator==(const Suite&, const Suite&) = default;
};

// The suite with these IANA ids, or nullopt when cxf does not implement one of them.
std::optional<Suite> find_suite(std::uint16_t kem, std::uint16_t kdf, std::uint16_t aead) noexcept;

// RFC 9180 names, e.g. "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM".
std::string suite_name(const Suite& suite);
std::string kem_name(Kem kem);

// RFC 9180 §7.1 Npk (= Nenc for both KEMs) and Nsk.
std::size_t public_key_size(Kem kem) noexcept;
std::size_t private_key_size(Kem kem) noexcept;
// RFC 9180 §7.2 Nh and §7.3 Nk, Nn, Nt (0 for export-only).
std::size_t hash_size(Kdf kdf) noexcept;
std::size_t key_size(Aead aead) noexcept;
std::size_t nonce_size(Aead aead) noexcept;
std::size_t tag_size(Aead aead) noexcept;

}  // namespace cxf::cxp::hpke
