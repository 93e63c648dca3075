// SPDX-License-Identifier: MIT
// A 1Password CSV export → Vault: the header names the layout, each further row is an item of one
// account. Blank lines are skipped.
#include "cxf/csv/ids.h"
#include "cxf/csv/table.h"
#include "cxf/error.h"
#include "importers/onepassword_csv/onepassword_csv.h"
#include "importers/onepassword_csv/rows.h"

namespace cxf::onepassword_csv {

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    csv::Table csv(input.bytes, options.encoding, input.name, options.limits);
    std::vector<std::string_view> names;
    for (const crypto::Secret& cell : csv.header().cells) names.push_back(cell.view());
    const auto layout = layout_of(names);
    if (!layout)
        throw Error(Errc::malformed, {input.name, "line 1"},
                    "not a 1Password CSV header: 1Password 8 names Title, Url, Username, Password and OTPAuth; "
                    "1Password 7 names Title, Type and URL, Username or Password");
    RowReader rows(columns_of(*layout, csv.header().cells), report);

    Account account;
    while (const auto row = csv.next(csv::ShortRows::refused, report)) account.items.push_back(rows.item(*row));
    account.id = csv::account_id("1password-csv account", account.items);
    account.collections = rows.take_collections();
    Vault vault;
    vault.accounts.push_back(std::move(account));
    return vault;
}

}  // namespace cxf::onepassword_csv
