// SPDX-License-Identifier: MIT
// The registry descriptor of Firefox's logins export (format id "firefox-csv").
#include "cxf/browser_csv/map/columns.h"
#include "cxf/formats/builtin.h"
#include "cxf/formats/csv_header.h"
#include "exporters/firefox_csv/write.h"
#include "importers/firefox_csv/firefox_csv.h"

namespace cxf::firefox_csv {

namespace {

constexpr std::string_view extensions[] = {"firefox.csv"};

Confidence detect(ByteView head, std::string_view) { return header_is(head, browser_csv::firefox_header); }

}  // namespace

Format format() noexcept {
    return Format{
        .id = "firefox-csv",
        .title = "Firefox logins CSV export",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .carries = Feature::logins | Feature::timestamps,
        .read_options = csv_read_options,
    };
}

}  // namespace cxf::firefox_csv
