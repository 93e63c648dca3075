// SPDX-License-Identifier: MIT
// Firefox's column order, every value quoted as Firefox writes it. A login with several websites
// becomes one row per website; httpRealm, formActionOrigin and guid (cxf.local/firefox) go on its
// first row only, since a guid names one login. Times are written in milliseconds: as read while the
// item's seconds still agree with them.
#include "exporters/firefox_csv/write.h"

#include <limits>

#include "cxf/browser_csv/map/columns.h"
#include "cxf/browser_csv/map/firefox.h"
#include "cxf/json/extension.h"
#include "exporters/browser_csv/logins.h"

namespace cxf::firefox_csv {

namespace {

using namespace browser_csv;

// The time in milliseconds: the cell as read while it still gives `seconds` (or, unreadable, while
// there is none), else `seconds` × 1000.
std::string millis(const json::ExtensionView& own, std::string_view column, const std::optional<Timestamp>& seconds,
                   const std::string& place, const std::string& title, Report& report) {
    const auto kept = own.string(column);
    if (kept) {
        const auto parsed = parse_millis(*kept);
        if (parsed ? seconds && seconds_of(*parsed) == *seconds : !seconds) return std::string(*kept);
    }
    if (!seconds) return {};
    if (*seconds < 0 || *seconds > std::numeric_limits<std::int64_t>::max() / 1000) {
        report.lost_detail(Feature::timestamps, place, title, std::string(column),
                           "Firefox keeps dates from 1970 on, in milliseconds within 64 bits");
        return {};
    }
    return std::to_string(*seconds * 1000);
}

}  // namespace

void write(const Vault& vault, io::Output& out, const WriteOptions&, Report& report) {
    const Holds holds{.format = "Firefox CSV", .own_extension = firefox_extension, .timestamps = true, .titles = false};
    const std::vector<Login> logins = plan_logins(vault, holds, report);
    csv::Writer writer(out, csv::Quoting::every_value);
    writer.row(firefox_header);
    for (const Login& login : logins) {
        const Item& item = *login.item;
        const json::ExtensionView own(item.extensions, firefox_extension);
        const std::string created = millis(own, "timeCreated", item.creation_at, login.place, item.title, report);
        const std::string changed = millis(own, "timePasswordChanged", item.modified_at, login.place, item.title, report);
        const std::string_view last_used = own.string("timeLastUsed").value_or("");
        bool first = true;
        const auto row = [&](std::string_view url) {
            const auto kept = [&](std::string_view member) { return first ? own.string(member).value_or("") : std::string_view(); };
            const std::string_view cells[] = {url, login.username, login.password, kept("httpRealm"), kept("formActionOrigin"),
                                              kept("guid"), created, last_used, changed};
            write_row(writer, cells, login.place);
            first = false;
        };
        if (login.urls.empty()) row({});
        for (const std::string_view url : login.urls) row(url);
    }
}

}  // namespace cxf::firefox_csv
