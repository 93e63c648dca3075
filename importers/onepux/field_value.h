// SPDX-License-Identifier: MIT
// A section field's value ({"<kind>": value}) → a typed credential's member, a whole credential, or
// a custom field of its section.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "importers/onepux/item_source.h"

namespace cxf::onepux {

// The section a field is read in: its title (the custom-fields label) and its custom-fields
// credential, once it has one.
struct SectionTarget {
    std::optional<std::string> label;
    std::optional<std::size_t> custom;
};

// Reads the value of the field `field_id` titled `title`, puts it where it belongs, and writes into
// `skeleton` (the field's object in the extension) its "kind", "at" and what else the value needs to
// be written back exactly.
void read_field_value(const json::Cursor& value, std::string_view field_id, const std::optional<std::string>& title,
                      SectionTarget& section, ItemSource& source, json::Builder& skeleton);

}  // namespace cxf::onepux
