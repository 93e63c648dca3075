// SPDX-License-Identifier: MIT
// TOTP as text ↔ cxf::Totp: otpauth:// URIs (the Google Authenticator "Key Uri Format") and bare
// Base32 secrets. Shared by every format that stores TOTP as a string (Bitwarden, KeePass, CSVs).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "cxf/model/credentials.h"
#include "cxf/secret.h"

namespace cxf::otp {

// An otpauth://totp/ URI. nullopt when the text is not one (another scheme, hotp), has no Base32
// secret, has digits that are not 1 to 10 or a period that is not a positive number, or asks for an
// encoder (Steam) that Totp cannot express. The secret is kept as written (percent-decoded); the algorithm is lowercased.
std::optional<Totp> parse_uri(std::string_view uri);

// A bare Base32 secret, with the defaults (SHA-1, 6 digits, 30 s). nullopt when it is not Base32.
std::optional<Totp> parse_secret(std::string_view text);

// Either of the two forms above.
std::optional<Totp> parse(std::string_view text);

// The same TOTP key, however its Base32 is spelled (case, padding, unused trailing bits).
bool same_secret(const crypto::Secret& a, const crypto::Secret& b);

// True when only the secret differs from the defaults, so the bare secret says everything.
bool is_plain(const Totp& totp) noexcept;

// An otpauth://totp/ URI. The label is "issuer:username" (or the one that exists, else
// `fallback_label`); algorithm, digits and period are written only when they are not the defaults.
crypto::Secret to_uri(const Totp& totp, std::string_view fallback_label = {});

// The text rules above, for the other ways apps spell TOTP (KeeOtp settings, KeePass attributes).
char lower(char c) noexcept;  // ASCII only
bool iequals(std::string_view a, std::string_view b) noexcept;  // ASCII case-insensitive
bool istarts_with(std::string_view text, std::string_view prefix) noexcept;
// A whole decimal number from 1 to 65535, nothing around it.
std::optional<std::uint16_t> positive_number(std::string_view text);
// Appends `text` to `out`, percent-encoding all but RFC 3986 unreserved characters.
void percent_encode(std::string_view text, crypto::Secret& out);

}  // namespace cxf::otp
