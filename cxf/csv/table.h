// SPDX-License-Identifier: MIT
// A CSV file whose first record names its columns, read the same way by every CSV importer: the text
// as UTF-8 (transcoded when an encoding is named), the header, rows as wide as the header with blank
// lines skipped; and, for a format with a fixed set of columns, each column found by its name.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/csv/csv.h"
#include "cxf/csv/encoding.h"
#include "cxf/report.h"

namespace cxf::csv {

// What to do with a row that has fewer cells than the header.
enum class ShortRows : std::uint8_t {
    refused,  // an error at its first missing cell
    padded,   // the missing cells read as empty; reported as changed
};

class Table {
public:
    // Reads the header row. `bytes` must outlive the table; `encoding` as Utf8Text takes it (empty:
    // UTF-8). Throws cxf::Error as Utf8Text and Reader do, and malformed at "line 1" for an empty file.
    Table(ByteView bytes, std::string_view encoding, std::string file, const Limits& limits);

    const Row& header() const noexcept { return header_; }
    std::size_t width() const noexcept { return header_.cells.size(); }
    const std::string& file() const noexcept { return file_; }

    // The next row, one cell per column; blank lines are skipped. A row with more cells than the
    // header is an error at its first extra cell; one with fewer is refused or padded.
    std::optional<Row> next(ShortRows short_rows, Report& report);

private:
    std::string file_;
    Utf8Text text_;
    Reader reader_;
    Row header_;
};

struct ColumnName {
    std::string_view name;
    bool required = false;
};

// A format's fixed set of columns, found in a header in any order and any ASCII case, blanks around
// a name ignored.
class Columns {
public:
    // Throws cxf::Error (malformed, at "line 1") naming the first required column the header lacks.
    // Reports, as changed, each header cell that is none of `names` or names one a second time: by
    // its position ("column N is not one of the FORMAT columns; ignored"), since a header merged with a row
    // may hold a value.
    Columns(const Table& table, std::span<const ColumnName> names, std::string_view format, Report& report);

    // Where the column is in a row (from 0), if the header has it.
    std::optional<std::size_t> index(std::string_view name) const;
    bool has(std::string_view name) const { return index(name).has_value(); }
    // The column's cell in `row`; empty when the header lacks the column.
    std::string_view cell(const Row& row, std::string_view name) const;

private:
    std::vector<std::pair<std::string_view, std::size_t>> found_;
};

}  // namespace cxf::csv
