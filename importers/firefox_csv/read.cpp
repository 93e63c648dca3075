// SPDX-License-Identifier: MIT
// A Firefox CSV row → a login item: the URL (and its host as title), basic-auth, timeCreated and
// timePasswordChanged (milliseconds) as the item's creation and modification times in seconds; the
// rest in cxf.local/firefox (cxf/browser_csv/map/columns.h) so that it is written back as read.
#include "cxf/browser_csv/map/columns.h"
#include "cxf/browser_csv/map/firefox.h"
#include "cxf/json/extension.h"
#include "importers/browser_csv/logins.h"
#include "importers/firefox_csv/firefox_csv.h"

namespace cxf::firefox_csv {

namespace {

using namespace browser_csv;

constexpr csv::ColumnName columns[] = {{firefox_header[0], true}, {firefox_header[1], true}, {firefox_header[2], true},
                                       {firefox_header[3]}, {firefox_header[4]}, {firefox_header[5]},
                                       {firefox_header[6]}, {firefox_header[7]}, {firefox_header[8]}};

class RowReader {
public:
    RowReader(const csv::Columns& named, const csv::Row& row, Report& report) : named_(named), row_(row), report_(report) {}

    Item item() {
        const std::string_view url = named_.cell(row_, "url");
        Item item = login_item("firefox-csv", row_, title_from_url(url), named_.cell(row_, "username"),
                               named_.cell(row_, "password"), {});
        add_url(item, url);
        for (const std::string_view kept : {"httpRealm", "formActionOrigin", "guid", "timeLastUsed"})
            if (const std::string_view value = named_.cell(row_, kept); !value.empty()) extension_.set_string(kept, value);
        item.creation_at = time("timeCreated");
        item.modified_at = time("timePasswordChanged");
        extension_.add_to(item.extensions);
        return item;
    }

private:
    // Whole seconds; the cell itself kept when they cannot give it back.
    std::optional<Timestamp> time(std::string_view column) {
        const std::string_view text = named_.cell(row_, column);
        if (text.empty()) return std::nullopt;
        const auto millis = parse_millis(text);
        if (!millis) {
            report_.changed(csv::place(row_.line, *named_.index(column) + 1),
                            std::string(column) + " is not a time in milliseconds; kept as written in " +
                                std::string(firefox_extension), "timestamps");
            extension_.set_string(column, text);
            return std::nullopt;
        }
        if (*millis % 1000 != 0 || std::to_string(*millis) != text) extension_.set_string(column, text);
        return seconds_of(*millis);
    }

    const csv::Columns& named_;
    const csv::Row& row_;
    Report& report_;
    json::ExtensionBuilder extension_{firefox_extension};
};

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    return read_logins(input, options, report, columns, "Firefox CSV", "firefox-csv",
                       [&](const csv::Columns& named, const csv::Row& row) { return RowReader(named, row, report).item(); });
}

}  // namespace cxf::firefox_csv
