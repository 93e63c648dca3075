// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/map/items.h"

#include "cxf/bitwarden/map/extension.h"

namespace cxf::bitwarden_json {

const ObjectMember* find_member(std::span<const ObjectMember> members, std::string_view name) noexcept {
    for (const ObjectMember& m : members)
        if (m.name == name) return &m;
    return nullptr;
}

CustomFields object_fields(std::string_view object) {
    CustomFields fields;
    ExtensionBuilder marker{extension_name};
    marker.set_string("object", object);
    marker.add_to(fields.extensions);
    return fields;
}

void add_labelled(CustomFields& fields, std::string_view label, FieldType type, std::string_view value) {
    EditableField f(type, value);
    f.label = std::string(label);
    fields.fields.push_back(std::move(f));
}

}  // namespace cxf::bitwarden_json
