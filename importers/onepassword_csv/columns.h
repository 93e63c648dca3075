// SPDX-License-Identifier: MIT
// What each column of a 1Password CSV means to the reader.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "cxf/secret.h"
#include "importers/onepassword_csv/onepassword_csv.h"

namespace cxf::onepassword_csv {

enum class Role : std::uint8_t {
    title, url, username, password, otpauth, favorite, archived, tags, notes,
    category,  // 1Password 7's Type
    uuid, subtitle,
    setting,   // an autofill setting of 1Password 7, kept in the extension
    field,     // any other column: a custom field labelled with the column's name
};

struct Column {
    Role role;
    std::string name;  // as the header spells it
};

std::vector<Column> columns_of(Layout layout, std::span<const crypto::Secret> header);

}  // namespace cxf::onepassword_csv
