// SPDX-License-Identifier: MIT
// RFC 4180 CSV: a bounded reader whose errors name the line, and a writer that quotes only when needed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/error.h"
#include "cxf/io/output.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::csv {

// More columns than any password-manager CSV has; a cap so a hostile file cannot make a huge row.
inline constexpr std::size_t max_columns = 1024;

struct Row {
    std::vector<crypto::Secret> cells;  // any cell may be a password
    std::size_t line = 0;               // the line the record starts on, from 1
};

// "line N, column M": where a cell is, as errors and notices name it. Columns count cells from 1, as
// spreadsheets show them, not characters.
std::string place(std::size_t line, std::size_t column);

// Reads records one by one. A UTF-8 byte order mark is skipped; records end with CRLF, LF or CR;
// quoted cells may hold delimiters, quotes ("") and line breaks. Errors are cxf::Error with the
// place of the cell (above; the line a quoted cell starts on): malformed (unterminated quote, text
// after a closing quote, invalid UTF-8, whose message points to {encoding}: see encoding.h) or
// limit_exceeded (a cell over Limits::max_string_bytes, more than max_columns cells). An input over
// Limits::max_input_bytes fails at "line 1".
class Reader {
public:
    // `text` must outlive the reader.
    Reader(std::string_view text, std::string file, const Limits& limits);

    std::optional<Row> next();

private:
    [[noreturn]] void fail(Errc code, std::string place, const std::string& message) const;
    void end_cell(Row& row, crypto::Secret& cell, std::size_t line) const;
    void check_size(const crypto::Secret& cell, std::size_t line, std::size_t column) const;
    bool at_line_end() const noexcept;
    void skip_line_end() noexcept;

    std::string_view text_;
    std::string file_;
    Limits limits_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
};

// Writes records to `out`, one at a time, each ended with CRLF. A cell is quoted when it holds a
// comma, a quote, a line break, or leading or trailing blanks (which some readers would trim), or,
// with Quoting::every_value, whenever it is not empty (as Firefox writes its exports).
enum class Quoting : std::uint8_t { as_needed, every_value };

class Writer {
public:
    explicit Writer(io::Output& out, Quoting quoting = Quoting::as_needed) : out_(out), quoting_(quoting) {}
    void row(std::span<const std::string_view> cells);

private:
    void cell(std::string_view text);
    void put(std::string_view text) { record_.insert(record_.end(), text.begin(), text.end()); }

    io::Output& out_;
    Quoting quoting_;
    crypto::SecureBytes record_;
};

}  // namespace cxf::csv
