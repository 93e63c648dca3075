// SPDX-License-Identifier: MIT
// The CSV layouts of Apple Passwords, Google Password Manager (Chrome, Edge) and Firefox, shared by
// their readers, writers and detectors (shared/docs/formats/1password-bitwarden.md §C.4–C.5; Firefox's
// LoginExport module). Each reader finds the columns by name, in any order and case; each writer and
// detector uses the order below.
//
// What CXF has no member for is kept in one extension per item, named below, so that a file read and
// written again gives the same rows:
//   cxf.local/apple    "otpAuth": the OTPAuth cell as written, when cxf would write that TOTP otherwise
//                      or it is no TOTP cxf can read
//   cxf.local/chrome   "url": an android:// URL as written, when cxf would spell it otherwise;
//                      on the account "layout": "without-note" for the older header without `note`
//   cxf.local/firefox  "httpRealm", "formActionOrigin", "guid": those cells, when not empty;
//                      "timeLastUsed": that cell; "timeCreated", "timePasswordChanged": the cell as
//                      written when the item's seconds cannot give it back (milliseconds, not a number)
#pragma once

#include <string_view>

namespace cxf::browser_csv {

inline constexpr std::string_view apple_header[] = {"Title", "URL", "Username", "Password", "Notes", "OTPAuth"};
inline constexpr std::string_view chrome_header[] = {"name", "url", "username", "password", "note"};
// Chrome before notes were exported.
inline constexpr std::string_view chrome_header_without_note[] = {"name", "url", "username", "password"};
inline constexpr std::string_view firefox_header[] = {"url",  "username",         "password",
                                                      "httpRealm", "formActionOrigin", "guid",
                                                      "timeCreated", "timeLastUsed", "timePasswordChanged"};

inline constexpr std::string_view apple_extension = "cxf.local/apple";
inline constexpr std::string_view chrome_extension = "cxf.local/chrome";
inline constexpr std::string_view firefox_extension = "cxf.local/firefox";

inline constexpr std::string_view chrome_layout_member = "layout";
inline constexpr std::string_view chrome_without_note = "without-note";

}  // namespace cxf::browser_csv
