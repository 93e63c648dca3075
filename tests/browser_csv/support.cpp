// SPDX-License-Identifier: MIT
#include "tests/browser_csv/support.h"

#include "cxf/csv/csv.h"
#include "cxf/formats/registry.h"
#include "cxf/io/output.h"
#include "tests/support/testdata.h"

namespace browser_test {

namespace {
const cxf::Format& format_named(std::string_view id) { return *cxf::find_format(id); }
}  // namespace

cxf::Vault read_text(std::string_view format, std::string_view text, cxf::Report& report, cxf::ReadOptions options) {
    return format_named(format).read(cxf::Input{"t.csv", cxf::crypto::SecureBytes(text.begin(), text.end())}, options, report);
}

cxf::Vault read_fixture(std::string_view format, std::string_view relative, cxf::Report& report, cxf::ReadOptions options) {
    return format_named(format).read(test::read_testdata(relative), options, report);
}

std::string write_text(std::string_view format, const cxf::Vault& vault, cxf::Report& report) {
    cxf::io::MemoryOutput out;
    format_named(format).write(vault, out, {}, report);
    const auto& bytes = out.bytes();
    return std::string(bytes.begin(), bytes.end());
}

cxf::Vault through_cxf(const cxf::Vault& vault) {
    cxf::Report report;
    const std::string json = write_text("cxf", vault, report);
    return read_text("cxf", json, report);
}

Rows rows_of(std::string_view text) {
    cxf::csv::Reader reader(text, "rows", {});
    Rows rows;
    while (const auto row = reader.next()) {
        std::vector<std::string> cells;
        for (const auto& cell : row->cells) cells.emplace_back(cell.view());
        rows.push_back(std::move(cells));
    }
    return rows;
}

const cxf::Notice* notice(const cxf::Report& report, cxf::NoticeKind kind, std::string_view item, std::string_view field) {
    for (const cxf::Notice& n : report.notices())
        if (n.kind == kind && n.item == item && n.field == field) return &n;
    return nullptr;
}

bool has_message(const cxf::Report& report, cxf::NoticeKind kind, std::string_view text) {
    for (const cxf::Notice& n : report.notices())
        if (n.kind == kind && n.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace browser_test
