// SPDX-License-Identifier: MIT
#include "cxf/csv/csv.h"

#include "cxf/error.h"
#include "cxf/json/utf8.h"

namespace cxf::csv {

namespace {
constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr char delimiter = ',';
}

std::string place(std::size_t line, std::size_t column) {
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Reader::Reader(std::string_view text, std::string file, const Limits& limits)
    : text_(text), file_(std::move(file)), limits_(limits) {
    if (text_.size() > limits_.max_input_bytes)
        fail(Errc::limit_exceeded, "line 1",
             "input of " + std::to_string(text_.size()) + " bytes is over the limit of " +
                 std::to_string(limits_.max_input_bytes));
    if (text_.substr(0, bom.size()) == bom) at_ = bom.size();
}

void Reader::fail(Errc code, std::string place, const std::string& message) const {
    throw Error(code, {file_, std::move(place)}, message);
}

void Reader::check_size(const crypto::Secret& cell, std::size_t line, std::size_t column) const {
    if (cell.size() > limits_.max_string_bytes)
        fail(Errc::limit_exceeded, place(line, column),
             "a cell is over the limit of " + std::to_string(limits_.max_string_bytes) + " bytes");
}

bool Reader::at_line_end() const noexcept { return text_[at_] == '\n' || text_[at_] == '\r'; }

void Reader::skip_line_end() noexcept {
    if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
    ++at_;
    ++line_;
}

void Reader::end_cell(Row& row, crypto::Secret& cell, std::size_t line) const {
    const std::size_t column = row.cells.size() + 1;
    if (!json::valid_utf8(cell.view())) fail(Errc::malformed, place(line, column),
                                                  "the cell is not valid UTF-8; for a file in a legacy code page, name it "
                                                  "with {encoding} (e.g. windows-1252)");
    if (row.cells.size() == max_columns)
        fail(Errc::limit_exceeded, place(line, column), "more than " + std::to_string(max_columns) + " cells in a record");
    row.cells.push_back(std::move(cell));
    cell = crypto::Secret();
}

std::optional<Row> Reader::next() {
    if (at_ >= text_.size()) return std::nullopt;
    Row row;
    row.line = line_;
    crypto::Secret cell;
    for (;;) {
        const std::size_t cell_line = line_;
        const std::size_t column = row.cells.size() + 1;
        if (at_ < text_.size() && text_[at_] == '"') {
            ++at_;
            for (;;) {
                if (at_ >= text_.size()) fail(Errc::malformed, place(cell_line, column), "a quoted cell is never closed");
                const char c = text_[at_];
                if (c == '"') {
                    if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
                        cell.push_back('"');
                        at_ += 2;
                        continue;
                    }
                    ++at_;
                    break;
                }
                if (c == '\n' || (c == '\r' && !(at_ + 1 < text_.size() && text_[at_ + 1] == '\n'))) ++line_;
                cell.push_back(c);
                ++at_;
                check_size(cell, cell_line, column);
            }
            if (at_ < text_.size() && text_[at_] != delimiter && !at_line_end())
                fail(Errc::malformed, place(line_, column), "text after the closing quote of the cell");
        } else {
            // A quote inside an unquoted cell is taken literally, as most writers mean it.
            while (at_ < text_.size() && text_[at_] != delimiter && !at_line_end()) {
                cell.push_back(text_[at_++]);
                check_size(cell, cell_line, column);
            }
        }
        end_cell(row, cell, cell_line);
        if (at_ >= text_.size()) return row;
        if (text_[at_] == delimiter) {
            ++at_;
            if (at_ >= text_.size()) {  // a trailing delimiter ends with one more, empty, cell
                end_cell(row, cell, line_);
                return row;
            }
            continue;
        }
        skip_line_end();
        return row;
    }
}

void Writer::cell(std::string_view text) {
    const bool quote = (quoting_ == Quoting::every_value && !text.empty()) ||
                       text.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.front() == '\t' ||
                                          text.back() == '\t'));
    if (!quote) {
        put(text);
        return;
    }
    record_.push_back('"');
    for (const char c : text) {
        if (c == '"') record_.push_back('"');
        record_.push_back(static_cast<std::uint8_t>(c));
    }
    record_.push_back('"');
}

void Writer::row(std::span<const std::string_view> cells) {
    record_.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) record_.push_back(static_cast<std::uint8_t>(delimiter));
        cell(cells[i]);
    }
    put("\r\n");
    out_.write(record_);
}

}  // namespace cxf::csv
