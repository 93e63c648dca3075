// SPDX-License-Identifier: MIT
// ItemSource and the small helpers every part of the importer shares.
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

Field ItemSource::field(const json::Cursor& value, FieldType type) const {
    const auto t = string_or_null(value);
    return t ? make_field(type, *t) : nullptr;
}

void ItemSource::keep(std::string_view object, const json::Cursor::Member& member) {
    extension_.set_in(object, member.key, json::to_json(member.value));
}

void keep_spelling(ItemSource& source, std::string_view key, std::string_view original, std::string_view canonical) {
    if (original != canonical) source.extension().set_in("spelling", key, json_string(original));
}

}  // namespace cxf::bitwarden_json
