// SPDX-License-Identifier: MIT
// The registry descriptor of Bitwarden CSV (format id "bitwarden-csv").
#include "exporters/bitwarden_csv/write.h"
#include "importers/bitwarden_csv/bitwarden_csv.h"

namespace cxf::bitwarden_csv {

namespace {

constexpr std::string_view extensions[] = {"bitwarden.csv"};

constexpr FormatOption write_options[] = {
    {"bitwarden-csv-layout", "NAME", "individual (folder, favorite) or organization (collections); default: as read"},
};

}  // namespace

Confidence detect(ByteView head, std::string_view) {
    std::string_view text = as_text(head);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::string_view first_line = text.substr(0, text.find_first_of("\r\n"));
    const auto has = [&](std::string_view column) {
        for (std::size_t at = 0; (at = first_line.find(column, at)) != std::string_view::npos; at += column.size()) {
            const bool starts = at == 0 || first_line[at - 1] == ',';
            const bool ends = at + column.size() == first_line.size() || first_line[at + column.size()] == ',';
            if (starts && ends) return true;
        }
        return false;
    };
    if (has("type") && has("name") && has("login_uri") && has("login_username") && has("login_password") &&
        (has("folder") || has("collections")))
        return Confidence::yes;
    // A subset of the columns (Bitwarden imports it as logins): its login_ names are Bitwarden's own.
    if (has("login_uri") || has("login_username") || has("login_password") || has("login_totp")) return Confidence::maybe;
    return Confidence::no;
}

Format format() noexcept {
    return Format{
        .id = "bitwarden-csv",
        .title = "Bitwarden CSV export (logins and notes)",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .carries = Feature::logins | Feature::totp | Feature::notes | Feature::custom_fields | Feature::folders,
        .read_options = csv_read_options,
        .write_options = write_options,
    };
}

}  // namespace cxf::bitwarden_csv
