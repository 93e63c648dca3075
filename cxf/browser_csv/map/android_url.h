// SPDX-License-Identifier: MIT
// Chrome's spelling of an Android app as a login's URL: android://HASH@PACKAGE/, where HASH is the
// base64url (padded) hash of the app's signing certificate: SHA-512 in Chrome's own exports.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/model/vault.h"

namespace cxf::browser_csv {

inline constexpr std::string_view android_scheme = "android://";

struct AndroidUrl {
    AndroidApp app;
    bool hash_unread = false;  // a hash that is neither base64 of 32 nor of 64 bytes: no certificate
};

// nullopt when `url` is not android://…@PACKAGE[/] with a package name.
std::optional<AndroidUrl> parse_android_url(std::string_view url);

// android://HASH@PACKAGE/ (HASH empty when the app has no certificate).
std::string android_url(const AndroidApp& app);

// Whether two apps name the same package and certificate.
bool same_app(const AndroidApp& a, const AndroidApp& b);

}  // namespace cxf::browser_csv
