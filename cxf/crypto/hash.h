// SPDX-License-Identifier: MIT
// SHA-256, SHA-512 and HMAC-SHA-256 over several parts, and random bytes (OpenSSL).
#pragma once

#include <initializer_list>

#include "cxf/crypto/secret.h"

namespace cxf::crypto {

SecureBytes sha256(std::initializer_list<ByteView> parts);
SecureBytes sha512(std::initializer_list<ByteView> parts);
SecureBytes hmac_sha256(ByteView key, std::initializer_list<ByteView> parts);

// From OpenSSL's CSPRNG; Errc::io if it cannot deliver.
SecureBytes random_bytes(std::size_t count);

}  // namespace cxf::crypto
