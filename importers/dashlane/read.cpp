// SPDX-License-Identifier: MIT
// Dashlane's CSV zip (or one of its CSV files alone) → Vault: each member is known by its header,
// never by its name; a member that is no Dashlane file is reported as skipped by its entry name.
#include "cxf/error.h"
#include "cxf/io/zip.h"
#include "cxf/otp/otpauth.h"
#include "importers/dashlane/dashlane.h"
#include "importers/dashlane/rows.h"
#include "importers/dashlane/vault_builder.h"

namespace cxf::dashlane {

namespace {

constexpr std::string_view known_files = "credentials, secure notes, payments, ids or personal info";

const MemberLayout* layout_of_header(const csv::Table& table) {
    std::vector<std::string_view> names;
    for (const crypto::Secret& cell : table.header().cells) names.push_back(cell.view());
    return layout_of(names);
}

// Reads one CSV file into `builder`; false when its header is no Dashlane file's. `file` names it in
// errors ("export.zip:credentials.csv"); `entry`, its zip entry (empty for a lone file), starts the
// place of its notices so that a zip's members can be told apart, and makes its items' ids.
bool read_member(ByteView bytes, const std::string& file, const std::string& entry, const ReadOptions& options,
                 Report& report, VaultBuilder& builder) {
    csv::Table table(bytes, options.encoding, file, options.limits);
    const MemberLayout* layout = layout_of_header(table);
    if (!layout) return false;
    Report local;
    const csv::Columns columns(table, layout->columns, "Dashlane " + std::string(layout->usual_name), local);
    while (const auto row = table.next(csv::ShortRows::padded, local)) {
        Cells cells(*layout, columns, *row);
        RowItem read = read_row(layout->member, cells, local);
        builder.add(std::move(read.item), entry + "\nline " + std::to_string(row->line), read.category);
    }
    for (Notice notice : local.notices()) {
        if (!entry.empty()) notice.place = entry + ", " + notice.place;
        report.add(std::move(notice));
    }
    return true;
}

bool is_csv_name(std::string_view name) {
    return name.size() > 4 && otp::iequals(name.substr(name.size() - 4), ".csv");
}

void read_zip(const Input& input, const ReadOptions& options, Report& report, VaultBuilder& builder) {
    const io::ZipReader zip(input.bytes, input.name, options.limits);
    bool any = false;
    for (std::size_t i = 0; i < zip.entries().size(); ++i) {
        const io::ZipEntry& entry = zip.entries()[i];
        if (entry.is_directory) continue;
        if (!is_csv_name(entry.name)) {
            report.skipped(entry.name, {}, "not a CSV file, and Dashlane's export holds only CSV files; not read");
            continue;
        }
        const crypto::SecureBytes bytes = zip.read(i);
        if (bytes.empty()) {
            report.skipped(entry.name, {}, "an empty file");
            continue;
        }
        if (read_member(bytes, input.name + ":" + entry.name, entry.name, options, report, builder))
            any = true;
        else
            report.skipped(entry.name + ", line 1", {},
                           "its header is none of Dashlane's " + std::string(known_files) + " files; not read");
    }
    if (!any)
        throw Error(Errc::malformed, {input.name, ""},
                    "not a Dashlane export: no file in the zip has the header of Dashlane's " + std::string(known_files) + " files");
}

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    VaultBuilder builder;
    if (io::looks_like_zip(input.bytes)) {
        read_zip(input, options, report, builder);
    } else if (!read_member(input.bytes, input.name, {}, options, report, builder)) {
        throw Error(Errc::malformed, {input.name, "line 1"},
                    "not a Dashlane CSV file: the header is none of Dashlane's " + std::string(known_files) + " files");
    }
    return std::move(builder).finish();
}

}  // namespace cxf::dashlane
