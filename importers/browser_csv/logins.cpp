// SPDX-License-Identifier: MIT
#include "importers/browser_csv/logins.h"

#include "cxf/csv/ids.h"

namespace cxf::browser_csv {

Vault read_logins(const Input& input, const ReadOptions& options, Report& report, std::span<const csv::ColumnName> columns,
                  std::string_view format, std::string_view kind, const RowToItem& to_item, const FinishAccount& finish) {
    csv::Table table(input.bytes, options.encoding, input.name, options.limits);
    const csv::Columns named(table, columns, format, report);
    Account account;
    while (const auto row = table.next(csv::ShortRows::padded, report)) account.items.push_back(to_item(named, *row));
    account.id = csv::account_id(std::string(kind) + " account", account.items);
    if (finish) finish(named, account);
    Vault vault;
    vault.accounts.push_back(std::move(account));
    return vault;
}

Item login_item(std::string_view kind, const csv::Row& row, std::string title, std::string_view username,
                std::string_view password, std::string_view note) {
    Item item;
    item.id = csv::derived_id(std::string(kind) + " item", "line " + std::to_string(row.line) + "\n" + title);
    item.title = std::move(title);
    BasicAuth auth;
    if (!username.empty()) auth.username = make_field(FieldType::string, username);
    if (!password.empty()) auth.password = make_field(FieldType::concealed_string, password);
    item.credentials.emplace_back(std::move(auth));
    if (!note.empty()) item.credentials.emplace_back(Note{make_field(FieldType::string, note)});
    return item;
}

void add_url(Item& item, std::string_view url) {
    while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
    while (!url.empty() && (url.back() == ' ' || url.back() == '\t')) url.remove_suffix(1);
    if (url.empty()) return;
    if (!item.scope) item.scope.emplace();
    item.scope->urls.emplace_back(url);
}

}  // namespace cxf::browser_csv
