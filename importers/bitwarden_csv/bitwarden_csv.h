// SPDX-License-Identifier: MIT
// Bitwarden CSV exports (format id "bitwarden-csv"): logins and secure notes, individual layout
// (folder, favorite, …) or organisation layout (collections, …).
#pragma once

#include <string_view>

#include "cxf/formats/format.h"

namespace cxf::bitwarden_csv {

// Individual: folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
// (older exports lack reprompt). Organisation: collections instead of folder and favorite.
inline constexpr std::string_view individual_header[] = {"folder", "favorite", "type", "name", "notes", "fields",
                                                         "reprompt", "login_uri", "login_username", "login_password",
                                                         "login_totp"};
inline constexpr std::string_view organization_header[] = {"collections", "type", "name", "notes", "fields",
                                                           "reprompt", "login_uri", "login_username", "login_password",
                                                           "login_totp"};

// A header row naming Bitwarden's columns; never throws.
Confidence detect(ByteView head, std::string_view file_name);

// Throws cxf::Error with "line N" for damaged CSV or a row of the wrong length.
Vault read(const Input& input, const ReadOptions& options, Report& report);

Format format() noexcept;

}  // namespace cxf::bitwarden_csv
