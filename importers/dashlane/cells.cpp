// SPDX-License-Identifier: MIT
#include "importers/dashlane/cells.h"

#include <algorithm>

namespace cxf::dashlane {

std::string_view Cells::take(std::string_view column) {
    taken_.push_back(column);
    return columns_.cell(row_, column);
}

std::string Cells::place(std::string_view column) const {
    const auto at = columns_.index(column);
    return at ? csv::place(row_.line, *at + 1) : "line " + std::to_string(row_.line);
}

void Cells::keep(CustomFields& fields, std::string_view column, FieldType type) {
    if (const std::string_view value = take(column); !value.empty()) add_labelled(fields, column, type, value);
}

void Cells::keep_rest(CustomFields& fields) {
    for (const csv::ColumnName& column : layout_.columns)
        if (std::find(taken_.begin(), taken_.end(), column.name) == taken_.end()) keep(fields, column.name);
}

Field field(FieldType type, std::string_view value) { return value.empty() ? nullptr : make_field(type, value); }

void add_labelled(CustomFields& fields, std::string_view label, FieldType type, std::string_view value) {
    EditableField f(type, value);
    f.label = std::string(label);
    fields.fields.push_back(std::move(f));
}

void add_if_any(Item& item, CustomFields&& fields) {
    if (!fields.fields.empty()) item.credentials.emplace_back(std::move(fields));
}

}  // namespace cxf::dashlane
