// SPDX-License-Identifier: MIT
// A 1Password CSV export → Vault: the header names the layout, each further row is an item of one
// account. Blank lines are skipped.
#include "cxf/csv/csv.h"
#include "cxf/error.h"
#include "importers/onepassword_csv/onepassword_csv.h"
#include "importers/onepassword_csv/rows.h"

namespace cxf::onepassword_csv {

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    csv::Reader csv(as_text(input.bytes), input.name, options.limits);
    const auto header = csv.next();
    if (!header) throw Error(Errc::malformed, {input.name, "line 1"}, "empty file: no header row");
    std::vector<std::string_view> names;
    for (const crypto::Secret& cell : header->cells) names.push_back(cell.view());
    const auto layout = layout_of(names);
    if (!layout)
        throw Error(Errc::malformed, {input.name, "line 1"},
                    "not a 1Password CSV header: 1Password 8 names Title, Url, Username, Password and OTPAuth; "
                    "1Password 7 names Title, Type and URL, Username or Password");
    const std::size_t width = names.size();
    RowReader rows(columns_of(*layout, header->cells), report);

    Account account;
    while (const auto row = csv.next()) {
        if (row->cells.size() == 1 && row->cells.front().empty()) continue;
        if (row->cells.size() != width)
            throw Error(Errc::malformed, {input.name, csv::place(row->line, std::min(row->cells.size(), width) + 1)},
                        "expected " + std::to_string(width) + " cells, as the header has, got " +
                            std::to_string(row->cells.size()));
        account.items.push_back(rows.item(*row));
    }
    // From the item ids, so the same rows give the same account whatever the line ends.
    crypto::SecureBytes ids;
    for (const Item& item : account.items) ids.insert(ids.end(), item.id.begin(), item.id.end());
    account.id = derived_id("1password-csv account", as_text(ids));
    account.collections = rows.take_collections();
    Vault vault;
    vault.accounts.push_back(std::move(account));
    return vault;
}

}  // namespace cxf::onepassword_csv
