// SPDX-License-Identifier: MIT
// Bitwarden custom fields → one custom-fields credential. Field types (field-type.enum.ts):
// 0 text, 1 hidden, 2 boolean, 3 linked (value null, linkedId names a member of the item).
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

std::optional<FieldType> field_type(std::int64_t bitwarden_type) {
    switch (bitwarden_type) {
        case 0: return FieldType::string;
        case 1: return FieldType::concealed_string;
        case 2: return FieldType::boolean;
        default: return std::nullopt;  // 3 linked, or a type newer than this importer
    }
}

}  // namespace

void read_fields(const json::Cursor& fields, Item& item, ItemSource& source) {
    if (!source.array_or_null(fields)) return;
    CustomFields custom;
    std::int64_t index = 0;
    for (const json::Cursor f : fields.elements()) {
        if (!source.object_or_null(f)) source.fail(f, "expected a field object");
        EditableField field;
        std::optional<FieldType> type = FieldType::string;
        for (const auto m : f.members()) {
            if (m.key == "name") {
                if (const auto name = source.string_or_null(m.value)) field.label = std::string(*name);
            } else if (m.key == "value") {
                field.value = crypto::Secret(source.string_or_null(m.value).value_or(""));
            } else if (m.key == "type") {
                type = field_type(source.integer_or_null(m.value).value_or(0));
            } else if (m.key == "linkedId") {
                if (!m.value.is_null()) type = std::nullopt;
            } else {
                type = std::nullopt;  // a member this importer does not know: keep the whole field
            }
        }
        if (!type) {
            crypto::Secret kept("{\"index\":");
            kept.append(std::to_string(index));
            kept.append(",\"field\":");
            kept.append(json::to_json(f).view());
            kept.push_back('}');
            source.extension().append("fields", std::move(kept));
        } else {
            field.type = *type;
            custom.fields.push_back(std::move(field));
        }
        ++index;
    }
    if (!custom.fields.empty()) item.credentials.emplace_back(std::move(custom));
}

}  // namespace cxf::bitwarden_json
