// SPDX-License-Identifier: MIT
// One row of a Dashlane CSV file as its mapping takes it: cells taken by column name, and whatever
// was not taken and is not empty kept as a custom field labelled with its column, so that every cell
// reaches the model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cxf/csv/table.h"
#include "cxf/model/vault.h"
#include "importers/dashlane/members.h"

namespace cxf::dashlane {

class Cells {
public:
    Cells(const MemberLayout& layout, const csv::Columns& columns, const csv::Row& row)
        : layout_(layout), columns_(columns), row_(row) {}

    // The cell of `column` (empty when the header lacks it), from now on counted as used.
    std::string_view take(std::string_view column);
    // The cell of `column`, not counted as used.
    std::string_view peek(std::string_view column) const { return columns_.cell(row_, column); }
    // "line N, column M" of the column's cell in this row.
    std::string place(std::string_view column) const;
    std::size_t line() const noexcept { return row_.line; }

    // Takes the cell and adds it to `fields` (labelled with the column) unless it is empty.
    void keep(CustomFields& fields, std::string_view column, FieldType type = FieldType::string);
    // Every cell not taken yet and not empty, into `fields`.
    void keep_rest(CustomFields& fields);

private:
    const MemberLayout& layout_;
    const csv::Columns& columns_;
    const csv::Row& row_;
    std::vector<std::string_view> taken_;
};

// `value` as a field of `type`; null when it is empty.
Field field(FieldType type, std::string_view value);

// Adds `value` to `fields` labelled `label`.
void add_labelled(CustomFields& fields, std::string_view label, FieldType type, std::string_view value);

// Adds `fields` to the item when it holds any.
void add_if_any(Item& item, CustomFields&& fields);

}  // namespace cxf::dashlane
