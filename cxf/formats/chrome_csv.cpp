// SPDX-License-Identifier: MIT
// The registry descriptor of Google Password Manager's CSV export, which Chrome and Edge write too
// (format id "chrome-csv").
#include "cxf/browser_csv/map/columns.h"
#include "cxf/formats/builtin.h"
#include "cxf/formats/csv_header.h"
#include "exporters/chrome_csv/write.h"
#include "importers/chrome_csv/chrome_csv.h"

namespace cxf::chrome_csv {

namespace {

constexpr std::string_view extensions[] = {"chrome.csv"};

Confidence detect(ByteView head, std::string_view) {
    if (header_is(head, browser_csv::chrome_header) == Confidence::yes) return Confidence::yes;
    return header_is(head, browser_csv::chrome_header_without_note);
}

}  // namespace

Format format() noexcept {
    return Format{
        .id = "chrome-csv",
        .title = "Google Password Manager / Chrome / Edge CSV export",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .carries = Feature::logins | Feature::notes,
        .read_options = csv_read_options,
    };
}

}  // namespace cxf::chrome_csv
