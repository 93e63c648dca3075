// SPDX-License-Identifier: MIT
#include "cxf/cxp/suite.h"

namespace cxf::cxp::hpke {

std::optional<Suite> find_suite(std::uint16_t kem, std::uint16_t kdf, std::uint16_t aead) noexcept {
    Suite suite;
    switch (kem) {
        case 0x0010: suite.kem = Kem::p256_sha256; break;
        case 0x0020: suite.kem = Kem::x25519_sha256; break;
        default: return std::nullopt;
    }
    if (kdf < 0x0001 || kdf > 0x0003) return std::nullopt;
    suite.kdf = static_cast<Kdf>(kdf);
    if ((aead < 0x0001 || aead > 0x0003) && aead != 0xFFFF) return std::nullopt;
    suite.aead = static_cast<Aead>(aead);
    return suite;
}

std::string kem_name(Kem kem) {
    return kem == Kem::p256_sha256 ? "DHKEM(P-256, HKDF-SHA256)" : "DHKEM(X25519, HKDF-SHA256)";
}

std::string suite_name(const Suite& suite) {
    std::string name = kem_name(suite.kem);
    switch (suite.kdf) {
        case Kdf::hkdf_sha256: name += ", HKDF-SHA256"; break;
        case Kdf::hkdf_sha384: name += ", HKDF-SHA384"; break;
        case Kdf::hkdf_sha512: name += ", HKDF-SHA512"; break;
    }
    switch (suite.aead) {
        case Aead::aes128_gcm: name += ", AES-128-GCM"; break;
        case Aead::aes256_gcm: name += ", AES-256-GCM"; break;
        case Aead::chacha20_poly1305: name += ", ChaCha20Poly1305"; break;
        case Aead::export_only: name += ", Export-only"; break;
    }
    return name;
}

std::size_t public_key_size(Kem kem) noexcept { return kem == Kem::p256_sha256 ? 65 : 32; }
std::size_t private_key_size(Kem) noexcept { return 32; }

std::size_t hash_size(Kdf kdf) noexcept {
    switch (kdf) {
        case Kdf::hkdf_sha256: return 32;
        case Kdf::hkdf_sha384: return 48;
        case Kdf::hkdf_sha512: return 64;
    }
    return 0;
}

std::size_t key_size(Aead aead) noexcept {
    switch (aead) {
        case Aead::aes128_gcm: return 16;
        case Aead::aes256_gcm:
        case Aead::chacha20_poly1305: return 32;
        case Aead::export_only: return 0;
    }
    return 0;
}

std::size_t nonce_size(Aead aead) noexcept { return aead == Aead::export_only ? 0 : 12; }
std::size_t tag_size(Aead aead) noexcept { return aead == Aead::export_only ? 0 : 16; }

}  // namespace cxf::cxp::hpke
