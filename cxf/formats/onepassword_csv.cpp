// SPDX-License-Identifier: MIT
// The registry descriptor of 1Password's CSV export (format id "1password-csv").
#include "cxf/csv/csv.h"
#include "cxf/formats/builtin.h"
#include "exporters/onepassword_csv/write.h"
#include "importers/onepassword_csv/onepassword_csv.h"

namespace cxf::onepassword_csv {

namespace {

constexpr std::string_view extensions[] = {"1password.csv"};

// By the header row alone: its column names are 1Password's own (Bitwarden's are lower case).
Confidence detect(ByteView head, std::string_view) {
    try {
        csv::Reader reader(as_text(head), {}, Limits{});
        const auto header = reader.next();
        if (!header) return Confidence::no;
        std::vector<std::string_view> names;
        for (const crypto::Secret& cell : header->cells) names.push_back(cell.view());
        return layout_of(names) ? Confidence::yes : Confidence::no;
    } catch (const Error&) {
        return Confidence::no;  // not CSV, or a first record cut off by the end of the head
    }
}

}  // namespace

Format format() noexcept {
    return Format{
        .id = "1password-csv",
        .title = "1Password CSV export",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .carries = Feature::logins | Feature::totp | Feature::notes | Feature::tags | Feature::folders,
        .read_options = csv_read_options,
    };
}

}  // namespace cxf::onepassword_csv
