// SPDX-License-Identifier: MIT
// An Apple Passwords CSV row → a login item: title, website, basic-auth, note, and the OTPAuth URI as
// a totp credential (kept as written in cxf.local/apple when cxf would spell it otherwise).
#include "cxf/browser_csv/map/columns.h"
#include "cxf/json/extension.h"
#include "cxf/otp/otpauth.h"
#include "importers/apple_csv/apple_csv.h"
#include "importers/browser_csv/logins.h"

namespace cxf::apple_csv {

namespace {

using namespace browser_csv;

constexpr csv::ColumnName columns[] = {{apple_header[0], true}, {apple_header[1], true}, {apple_header[2], true},
                                       {apple_header[3], true}, {apple_header[4]},       {apple_header[5]}};

Item item(const csv::Columns& named, const csv::Row& row, Report& report) {
    Item item = login_item("apple-csv", row, std::string(named.cell(row, "Title")), named.cell(row, "Username"),
                           named.cell(row, "Password"), named.cell(row, "Notes"));
    add_url(item, named.cell(row, "URL"));
    if (const std::string_view otpauth = named.cell(row, "OTPAuth"); !otpauth.empty()) {
        json::ExtensionBuilder extension{apple_extension};
        if (auto totp = otp::parse(otpauth)) {
            if (otp::to_uri(*totp, item.title).view() != otpauth) extension.set_string("otpAuth", otpauth);
            item.credentials.emplace_back(std::move(*totp));
        } else {
            extension.set_string("otpAuth", otpauth);
            report.changed(csv::place(row.line, *named.index("OTPAuth") + 1),
                           "the OTPAuth cell is no TOTP cxf can read; kept as written in " + std::string(apple_extension), "totp");
        }
        extension.add_to(item.extensions);
    }
    return item;
}

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    return read_logins(input, options, report, columns, "Apple Passwords CSV", "apple-csv",
                       [&](const csv::Columns& named, const csv::Row& row) { return item(named, row, report); });
}

}  // namespace cxf::apple_csv
