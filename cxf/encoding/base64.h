// SPDX-License-Identifier: MIT
// Base64 (RFC 4648 §4), base64url (§5), base32 (§6) and hex: strict writers, tolerant readers that
// say what they tolerated.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cxf/secret.h"

namespace cxf::encoding {

// What a tolerant decode accepted beyond the strict form.
struct Quirks {
    bool padded = false;            // trailing '=' present
    bool other_alphabet = false;    // '+' or '/' in base64url text, '-' or '_' in base64 text
    bool nonzero_trailing_bits = false;
    bool lowercase_or_spaces = false;  // base32 only
    bool any() const noexcept { return padded || other_alphabet || nonzero_trailing_bits || lowercase_or_spaces; }
};

std::string base64url_encode(ByteView bytes);  // unpadded
crypto::Secret base64url_encode_secret(ByteView bytes);
std::string base64_encode(ByteView bytes);     // padded, standard alphabet
crypto::Secret base64_encode_secret(ByteView bytes);
// The same appended to `out`, whose memory a caller encoding piece by piece keeps.
void base64_append(ByteView bytes, crypto::Secret& out);

// Accepts either alphabet and optional padding; nullopt on any other character or impossible length.
std::optional<Bytes> base64_decode(std::string_view text, Quirks* quirks = nullptr);
std::optional<crypto::SecureBytes> base64_decode_secure(std::string_view text, Quirks* quirks = nullptr);
// The same into `out`, without allocating: false unless `text` decodes to exactly out.size() bytes.
bool base64_decode_exact(std::string_view text, std::span<std::uint8_t> out);
// The same appended to `out`; false, with `out` as it was, for text that is not base64.
bool base64_decode_append(std::string_view text, crypto::Secret& out);

// Same decoder, but `quirks` is measured against base64url (unpadded, '-' '_').
std::optional<Bytes> base64url_decode(std::string_view text, Quirks* quirks = nullptr);
std::optional<crypto::SecureBytes> base64url_decode_secure(std::string_view text, Quirks* quirks = nullptr);

std::string base32_encode(ByteView bytes);  // uppercase, unpadded (what TOTP apps expect)
crypto::Secret base32_encode_secret(ByteView bytes);
// Case-insensitive; spaces, '-' separators and '=' padding are skipped and noted in quirks.
std::optional<crypto::SecureBytes> base32_decode(std::string_view text, Quirks* quirks = nullptr);

std::string hex_encode(ByteView bytes);  // lowercase
std::optional<Bytes> hex_decode(std::string_view text);
std::optional<crypto::SecureBytes> hex_decode_secure(std::string_view text);

}  // namespace cxf::encoding
