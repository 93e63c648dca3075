// SPDX-License-Identifier: MIT
// The columns of Bitwarden's CSV exports, as its clients write them.
#pragma once

#include <string_view>

namespace cxf::bitwarden_csv {

// Individual: folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
// (older exports lack reprompt). Organisation: collections instead of folder and favorite.
inline constexpr std::string_view individual_header[] = {"folder", "favorite", "type", "name", "notes", "fields",
                                                         "reprompt", "login_uri", "login_username", "login_password",
                                                         "login_totp"};
inline constexpr std::string_view organization_header[] = {"collections", "type", "name", "notes", "fields",
                                                           "reprompt", "login_uri", "login_username", "login_password",
                                                           "login_totp"};

}  // namespace cxf::bitwarden_csv
