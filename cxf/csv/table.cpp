// SPDX-License-Identifier: MIT
#include "cxf/csv/table.h"

#include <algorithm>

#include "cxf/error.h"
#include "cxf/otp/otpauth.h"

namespace cxf::csv {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

Table::Table(ByteView bytes, std::string_view encoding, std::string file, const Limits& limits)
    : file_(std::move(file)), text_(bytes, encoding, file_, limits), reader_(text_.view(), file_, limits) {
    auto header = reader_.next();
    if (!header) throw Error(Errc::malformed, {file_, "line 1"}, "empty file: no header row");
    header_ = std::move(*header);
}

std::optional<Row> Table::next(ShortRows short_rows, Report& report) {
    while (auto row = reader_.next()) {
        if (row->cells.size() == 1 && row->cells.front().empty()) continue;  // a blank line
        const std::size_t got = row->cells.size();
        if (got > width() || (got < width() && short_rows == ShortRows::refused))
            throw Error(Errc::malformed, {file_, place(row->line, std::min(got, width()) + 1)},
                        "expected " + std::to_string(width()) + " cells, as the header has, got " + std::to_string(got));
        if (got < width()) {
            report.changed("line " + std::to_string(row->line),
                           "the row has " + std::to_string(got) + " cells and the header " + std::to_string(width()) +
                               ": the missing ones read as empty");
            row->cells.resize(width());
        }
        return row;
    }
    return std::nullopt;
}

Columns::Columns(const Table& table, std::span<const ColumnName> names, std::string_view format, Report& report) {
    const auto& header = table.header().cells;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string_view cell = trim(header[i].view());
        const auto known = std::find_if(names.begin(), names.end(), [&](const ColumnName& n) { return otp::iequals(n.name, cell); });
        if (known == names.end() || has(known->name)) {
            report.changed(place(1, i + 1), "column " + std::to_string(i + 1) +
                                                (known == names.end() ? " is not one of the " + std::string(format) + " columns"
                                                                      : " names a " + std::string(format) + " column a second time") +
                                                "; ignored");
            continue;
        }
        found_.emplace_back(known->name, i);
    }
    for (const ColumnName& n : names)
        if (n.required && !has(n.name))
            throw Error(Errc::malformed, {table.file(), "line 1"},
                        "not a " + std::string(format) + " header: it has no '" + std::string(n.name) + "' column");
}

std::optional<std::size_t> Columns::index(std::string_view name) const {
    for (const auto& [known, at] : found_)
        if (known == name) return at;
    return std::nullopt;
}

std::string_view Columns::cell(const Row& row, std::string_view name) const {
    const auto at = index(name);
    return at ? row.cells[*at].view() : std::string_view();
}

}  // namespace cxf::csv
