// SPDX-License-Identifier: MIT
// One CSV row → one item; the collections 1Password 7's Type column names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cxf/csv/csv.h"
#include "cxf/json/extension.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "importers/onepassword_csv/columns.h"

namespace cxf::onepassword_csv {

class RowReader {
public:
    RowReader(std::vector<Column> columns, Report& report) : columns_(std::move(columns)), report_(report) {}

    // `row` has one cell per column.
    Item item(const csv::Row& row);
    // One collection per Type value that is not a category name, in the order first seen; once, at the end.
    std::vector<Collection> take_collections() { return std::move(collections_); }

private:
    bool flag(std::string_view value, const std::string& place, const Column& column);
    void otpauth(std::string_view text, Item& item, json::ExtensionBuilder& extension, CustomFields& custom,
                 const std::string& place);
    void type(std::string_view text, const Item& item, json::ExtensionBuilder& extension);

    std::vector<Column> columns_;
    Report& report_;
    std::vector<Collection> collections_;
    std::map<std::string, std::size_t, std::less<>> collection_index_;
};

}  // namespace cxf::onepassword_csv
