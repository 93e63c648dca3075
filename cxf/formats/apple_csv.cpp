// SPDX-License-Identifier: MIT
// The registry descriptor of Apple Passwords' CSV export (format id "apple-csv").
#include "cxf/browser_csv/map/columns.h"
#include "cxf/formats/builtin.h"
#include "cxf/formats/csv_header.h"
#include "exporters/apple_csv/write.h"
#include "importers/apple_csv/apple_csv.h"

namespace cxf::apple_csv {

namespace {

constexpr std::string_view extensions[] = {"apple.csv"};

Confidence detect(ByteView head, std::string_view) { return header_is(head, browser_csv::apple_header); }

}  // namespace

Format format() noexcept {
    return Format{
        .id = "apple-csv",
        .title = "Apple Passwords / Safari CSV export",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .carries = Feature::logins | Feature::totp | Feature::notes,
        .read_options = csv_read_options,
    };
}

}  // namespace cxf::apple_csv
