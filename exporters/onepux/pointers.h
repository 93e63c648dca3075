// SPDX-License-Identifier: MIT
// The places the 1PUX reader noted in the extension ("at": "/credentials/2/number",
// "/credentials/3/fields/1", "/credentials/4"), looked up in an item.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/model/vault.h"

namespace cxf::onepux::out {

struct At {
    std::size_t credential = 0;
    std::string member;                 // a typed credential's member, CXF spelling
    std::optional<std::size_t> field;   // a custom field's index
};

// nullopt for a pointer of another shape.
std::optional<At> parse_at(std::string_view pointer);

std::string credential_pointer(std::size_t index);
std::string member_pointer(std::size_t index, std::string_view member);
std::string field_pointer(std::size_t index, std::size_t field);

// The credential at the place, or null when the item has none there.
const Credential* credential_at(const Item& item, const At& at);
// The field at the place (a member or a custom field), or null when the item has none there.
const EditableField* field_at(const Item& item, const At& at);

}  // namespace cxf::onepux::out
