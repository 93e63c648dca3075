// SPDX-License-Identifier: MIT
#include "cxf/cxp/labeled_kdf.h"

#include <initializer_list>

#include "cxf/crypto/hash.h"

namespace cxf::cxp::hpke::detail {

namespace {

constexpr std::string_view version_label = "HPKE-v1";  // RFC 9180 §4

const char* digest_name(Kdf kdf) noexcept {
    switch (kdf) {
        case Kdf::hkdf_sha256: return "SHA256";
        case Kdf::hkdf_sha384: return "SHA384";
        case Kdf::hkdf_sha512: return "SHA512";
    }
    return "SHA256";
}

void append_u16(Bytes& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xFF));
}

}  // namespace

Bytes kem_suite_id(Kem kem) {
    Bytes id{'K', 'E', 'M'};
    append_u16(id, static_cast<std::uint16_t>(kem));
    return id;
}

Bytes hpke_suite_id(const Suite& suite) {
    Bytes id{'H', 'P', 'K', 'E'};
    append_u16(id, static_cast<std::uint16_t>(suite.kem));
    append_u16(id, static_cast<std::uint16_t>(suite.kdf));
    append_u16(id, static_cast<std::uint16_t>(suite.aead));
    return id;
}

// RFC 5869 §2.2: an absent salt is Nh zero bytes (the same HMAC key as an empty one, but OpenSSL
// refuses empty keys).
crypto::SecureBytes labeled_extract(Kdf kdf, ByteView suite_id, ByteView salt, std::string_view label, ByteView ikm) {
    const crypto::SecureBytes zeros(hash_size(kdf), 0);
    return crypto::hmac(digest_name(kdf), salt.empty() ? ByteView(zeros) : salt, {as_bytes(version_label), suite_id, as_bytes(label), ikm});
}

// RFC 5869 §2.3, with info = I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info.
crypto::SecureBytes labeled_expand(Kdf kdf, ByteView suite_id, ByteView prk, std::string_view label, ByteView info,
                                   std::size_t length) {
    const std::size_t nh = hash_size(kdf);
    const std::uint8_t encoded_length[2] = {static_cast<std::uint8_t>(length >> 8),
                                            static_cast<std::uint8_t>(length & 0xFF)};
    crypto::SecureBytes out;
    out.reserve(length + nh);
    crypto::SecureBytes block;
    for (std::uint8_t counter = 1; out.size() < length; ++counter) {
        block = crypto::hmac(
            digest_name(kdf), prk,
            {block, encoded_length, as_bytes(version_label), suite_id, as_bytes(label), info, ByteView(&counter, 1)});
        out.insert(out.end(), block.begin(), block.end());
    }
    out.resize(length);
    return out;
}

}  // namespace cxf::cxp::hpke::detail
