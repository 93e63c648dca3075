// SPDX-License-Identifier: MIT
// What the Apple, Chrome and Firefox CSV readers share: every row is one login item of one account,
// its columns found by name (csv::Columns), short rows read with empty cells (reported).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "cxf/csv/table.h"
#include "cxf/plugin/format.h"

namespace cxf::browser_csv {

using RowToItem = std::function<Item(const csv::Columns& columns, const csv::Row& row)>;
using FinishAccount = std::function<void(const csv::Columns& columns, Account& account)>;

// One item per row through `to_item`, in one account, which `finish` (if any) completes. `format`
// names the format in messages ("Chrome CSV"); `kind` makes the account's id ("chrome-csv").
Vault read_logins(const Input& input, const ReadOptions& options, Report& report, std::span<const csv::ColumnName> columns,
                  std::string_view format, std::string_view kind, const RowToItem& to_item,
                  const FinishAccount& finish = {});

// A login item: its id derived from `kind`, the row's line and the title; a basic-auth always (a row is
// a login even with both cells empty; an empty cell is an absent value); a note when `note` is not empty.
Item login_item(std::string_view kind, const csv::Row& row, std::string title, std::string_view username,
                std::string_view password, std::string_view note);

// Adds `url` (blanks around it dropped) to the item's scope, unless it is empty.
void add_url(Item& item, std::string_view url);

}  // namespace cxf::browser_csv
