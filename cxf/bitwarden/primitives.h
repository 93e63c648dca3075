// SPDX-License-Identifier: MIT
// The OpenSSL primitives Bitwarden's export encryption is built from (hashes and HMAC: cxf/crypto/hash.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cxf/secret.h"

namespace cxf::bitwarden {

// Failures of OpenSSL itself (not of the input) throw Errc::unsupported naming the operation.

crypto::SecureBytes pbkdf2_sha256(ByteView password, ByteView salt, std::uint32_t iterations, std::size_t length);
// RFC 5869 §2.3 only: `prk` is used as the pseudorandom key as it is, with no extract step.
crypto::SecureBytes hkdf_sha256_expand(ByteView prk, std::string_view info, std::size_t length);
// AES-256-CBC with PKCS#7 padding.
Bytes aes256_cbc_encrypt(ByteView key, ByteView iv, ByteView plaintext);
// nullopt when the padding is wrong.
std::optional<crypto::SecureBytes> aes256_cbc_decrypt(ByteView key, ByteView iv, ByteView ciphertext);

}  // namespace cxf::bitwarden
