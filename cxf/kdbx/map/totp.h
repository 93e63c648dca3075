// SPDX-License-Identifier: MIT
// TOTP in every shape KeePass apps store it ↔ cxf::Totp (kdbx.md §3.2): KeePassXC's `otp` (an
// otpauth URI or KeeOtp key/values), the older `TOTP Seed`/`TOTP Settings` pair and KeePass 2.47's
// `TimeOtp-*` attributes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/strings.h"
#include "cxf/model/credentials.h"

namespace cxf::kdbx_map {

struct TotpReading {
    Totp totp;
    // How the file spelled it, when cxf can write that spelling back; empty otherwise.
    std::vector<TotpPart> parts;
};

// The first shape present in KeePassXC's order of preference (seed/settings, otp, TimeOtp), using
// its attributes, and any other shape that holds the same TOTP. Shapes that cannot be expressed
// (Steam's encoding, HOTP, a second different TOTP) stay custom fields; `problems` says why.
std::optional<TotpReading> read_totp(StringTable& strings, std::vector<std::string>& problems);

// The attributes `parts` spell for `totp`; nullopt when its secret cannot be written that way.
std::optional<std::vector<kdbx::StringField>> render_parts(const std::vector<TotpPart>& parts, const Totp& totp);

// What cxf writes for a TOTP: a protected `otp` otpauth URI.
kdbx::StringField otp_attribute(const Totp& totp, std::string key);

Totp clone(const Totp& totp);

// Every member equal (the secret as written, not just its bytes).
bool same_totp(const Totp& a, const Totp& b) noexcept;

}  // namespace cxf::kdbx_map
