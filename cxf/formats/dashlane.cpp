// SPDX-License-Identifier: MIT
// The registry descriptors of Dashlane's exports: the CSV zip, or one of its CSV files (format id
// "dashlane"), and the legacy JSON export ("dashlane-json"). Read only: Dashlane imports only its own
// layouts.
#include "cxf/csv/csv.h"
#include "cxf/formats/builtin.h"
#include "cxf/io/zip.h"
#include "importers/dashlane/dashlane.h"
#include "importers/dashlane/members.h"

namespace cxf::dashlane {

namespace {

constexpr std::size_t first_name_at = 30;  // a zip local file header's fixed part

// A zip whose first entry is one of Dashlane's file names is one (yes), one whose first entry is
// another CSV file may be (the reader then goes by each file's header); a CSV file whose header is a
// Dashlane file's is one.
Confidence detect(ByteView head, std::string_view) noexcept {
    const std::string_view text = as_text(head);
    if (io::looks_like_zip(head)) {
        if (text.size() < first_name_at) return Confidence::no;
        const std::size_t name_size = static_cast<unsigned char>(text[26]) | static_cast<std::size_t>(static_cast<unsigned char>(text[27])) << 8;
        const std::string_view name = text.substr(first_name_at, name_size);
        for (const std::string_view usual : {"credentials.csv", "securenotes.csv", "payments.csv", "ids.csv", "personalInfo.csv"})
            if (name == usual) return Confidence::yes;
        return name.size() > 4 && name.ends_with(".csv") ? Confidence::maybe : Confidence::no;
    }
    try {
        csv::Reader reader(text, {}, Limits{});
        const auto header = reader.next();
        if (!header) return Confidence::no;
        std::vector<std::string_view> names;
        for (const crypto::Secret& cell : header->cells) names.push_back(cell.view());
        return layout_of(names) ? Confidence::yes : Confidence::no;
    } catch (const std::exception&) {
        return Confidence::no;  // not CSV, or a first record cut off by the end of the head
    }
}

// An object whose first member has an upper-case name (AUTHENTIFIANT, EMAIL, …) holding an array.
Confidence detect_json(ByteView head, std::string_view) noexcept {
    std::string_view text = as_text(head);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const auto skip_blanks = [&] {
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
            text.remove_prefix(1);
    };
    const auto expect = [&](char c) {
        skip_blanks();
        if (text.empty() || text.front() != c) return false;
        text.remove_prefix(1);
        return true;
    };
    if (!expect('{') || !expect('"')) return Confidence::no;
    const std::size_t end = text.find('"');
    if (end == std::string_view::npos || end == 0) return Confidence::no;
    for (const char c : text.substr(0, end))
        if (!(c >= 'A' && c <= 'Z') && c != '_') return Confidence::no;
    text.remove_prefix(end + 1);
    return expect(':') && expect('[') ? Confidence::yes : Confidence::no;
}

}  // namespace

Format format() noexcept {
    return Format{
        .id = "dashlane",
        .title = "Dashlane CSV export (zip of CSV files, or one of them)",
        .extensions = {},
        .detect = detect,
        .read = read,
        .read_options = csv_read_options,
    };
}

Format json_format() noexcept {
    return Format{
        .id = "dashlane-json",
        .title = "Dashlane legacy JSON export",
        .extensions = {},
        .detect = detect_json,
        .read = read_json,
    };
}

}  // namespace cxf::dashlane
