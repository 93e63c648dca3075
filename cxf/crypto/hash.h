// SPDX-License-Identifier: MIT
// SHA-256, SHA-512 and HMAC over several parts, and random bytes (OpenSSL).
#pragma once

#include <initializer_list>

#include "cxf/secret.h"

namespace cxf::crypto {

SecureBytes sha256(std::initializer_list<ByteView> parts);
SecureBytes sha512(std::initializer_list<ByteView> parts);
// HMAC with an OpenSSL digest name ("SHA256", "SHA384", "SHA512").
SecureBytes hmac(const char* digest_name, ByteView key, std::initializer_list<ByteView> parts);
inline SecureBytes hmac_sha256(ByteView key, std::initializer_list<ByteView> parts) { return hmac("SHA256", key, parts); }

// From OpenSSL's CSPRNG; Errc::io if it cannot deliver.
SecureBytes random_bytes(std::size_t count);

}  // namespace cxf::crypto
