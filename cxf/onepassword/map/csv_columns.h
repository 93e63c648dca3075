// SPDX-License-Identifier: MIT
// The columns of 1Password's CSV exports, shared by the CSV reader, writer and detection
// (shared/docs/formats/1password-bitwarden.md §A.7).
#pragma once

#include <string_view>

namespace cxf::onepassword {

// 1Password 8: one row per Login or Password item, every cell quoted.
inline constexpr std::string_view csv8_header[] = {"Title",    "Url",      "Username", "Password", "OTPAuth",
                                                   "Favorite", "Archived", "Tags",     "Notes"};
inline constexpr std::string_view csv_true = "true";
inline constexpr std::string_view csv_false = "false";
// Several tags share the Tags cell. The separator is not documented; a comma is assumed.
inline constexpr char csv_tag_separator = ',';

// 1Password 7's "all fields" export: one column per template field any exported item has (lower
// case: "first name", "expiry date"), one per section ("section:<uuid>"), and these.
inline constexpr std::string_view csv7_type = "Type";       // the category's name ("Login", "Credit Card")
inline constexpr std::string_view csv7_uuid = "uuid";
inline constexpr std::string_view csv7_url = "URL";
inline constexpr std::string_view csv7_subtitle = "ainfo";  // the line 1Password shows under the title
inline constexpr std::string_view csv7_notes_plain = "notesPlain";
// Autofill settings of the item, no user data: kept in the extension's "csvSettings" unless "Default".
inline constexpr std::string_view csv7_settings[] = {"autosubmit", "scope"};
inline constexpr std::string_view csv7_setting_default = "Default";

// What the CSV reader keeps in an item's cxf.local/1password (extension.h): "state" (below), "category"
// (1Password 7's Type, as an id), "otpAuth" (the OTPAuth text, when cxf would write that TOTP
// differently) and "csvSettings" (1Password 7's autofill settings other than Default).
// The item's state, which the Archived column carries.
inline constexpr std::string_view state_member = "state";
inline constexpr std::string_view archived_state = "archived";

}  // namespace cxf::onepassword
