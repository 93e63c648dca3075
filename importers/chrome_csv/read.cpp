// SPDX-License-Identifier: MIT
// A Chrome CSV row → a login item: name as title, the URL (a website, or an Android app with its
// certificate hash), basic-auth and note. What CXF cannot hold goes to cxf.local/chrome.
#include "cxf/browser_csv/map/android_url.h"
#include "cxf/browser_csv/map/columns.h"
#include "cxf/json/extension.h"
#include "importers/browser_csv/logins.h"
#include "importers/chrome_csv/chrome_csv.h"

namespace cxf::chrome_csv {

namespace {

using namespace browser_csv;

constexpr csv::ColumnName columns[] = {{chrome_header[0], true}, {chrome_header[1], true}, {chrome_header[2], true},
                                       {chrome_header[3], true}, {chrome_header[4]}};

Item item(const csv::Columns& named, const csv::Row& row, Report& report) {
    Item item = login_item("chrome-csv", row, std::string(named.cell(row, "name")), named.cell(row, "username"),
                           named.cell(row, "password"), named.cell(row, "note"));
    const std::string_view url = named.cell(row, "url");
    const auto android = parse_android_url(url);
    if (!android) {
        add_url(item, url);
        return item;
    }
    const std::string place = csv::place(row.line, *named.index("url") + 1);
    if (android->hash_unread)
        report.changed(place, "the certificate hash of Android app '" + android->app.bundle_id +
                                  "' is not base64 of a SHA-256 or SHA-512 hash: the app is read without it, the URL kept "
                                  "as written in " + std::string(chrome_extension), "urls");
    if (android_url(android->app) != url) {
        json::ExtensionBuilder extension{chrome_extension};
        extension.set_string("url", url);
        extension.add_to(item.extensions);
    }
    item.scope.emplace();
    item.scope->android_apps.push_back(android->app);
    return item;
}

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    return read_logins(
        input, options, report, columns, "Chrome CSV", "chrome-csv",
        [&](const csv::Columns& named, const csv::Row& row) { return item(named, row, report); },
        [](const csv::Columns& named, Account& account) {
            if (named.has("note")) return;
            json::ExtensionBuilder extension{chrome_extension};
            extension.set_string(chrome_layout_member, chrome_without_note);
            extension.add_to(account.extensions);
        });
}

}  // namespace cxf::chrome_csv
