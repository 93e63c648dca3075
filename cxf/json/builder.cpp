// SPDX-License-Identifier: MIT
#include "cxf/json/builder.h"

#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "cxf/error.h"
#include "cxf/io/output.h"
#include "cxf/json/utf8.h"

namespace cxf::json {

namespace {

// Streamed text goes out in pieces of about this size.
constexpr std::size_t stage_bytes = 64 * 1024;

// What a character becomes in a JSON string, as RapidJSON writes it: the two-character escapes JSON
// has, \u00XX (uppercase) for the other control characters, and nothing else escaped.
constexpr std::array<char, 256> escapes = [] {
    std::array<char, 256> e{};
    for (int c = 0; c < 0x20; ++c) e[c] = 'u';
    e['\b'] = 'b';
    e['\t'] = 't';
    e['\n'] = 'n';
    e['\f'] = 'f';
    e['\r'] = 'r';
    e['"'] = '"';
    e['\\'] = '\\';
    return e;
}();

// Whether any of eight bytes must be escaped: a control character, '"' or '\\' (bit tricks: a byte
// below 0x20 or equal to one of the two makes a high bit survive).
bool any_escape(std::uint64_t eight) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const auto zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t control = (eight - 0x20 * ones) & ~eight & highs;
    return (control | zero_byte(eight ^ ('"' * ones)) | zero_byte(eight ^ ('\\' * ones))) != 0;
}

// Where the first character to escape is, or text.size(): most text has none, and is passed over
// eight bytes at a time.
std::size_t first_escape(std::string_view text) noexcept {
    std::size_t i = 0;
    for (std::uint64_t eight; text.size() - i >= 8 && (std::memcpy(&eight, text.data() + i, 8), !any_escape(eight));) i += 8;
    while (i < text.size() && escapes[static_cast<unsigned char>(text[i])] == 0) ++i;
    return i;
}

template <typename T>
std::string_view decimal(T value, std::array<char, 24>& buffer) {
    const std::to_chars_result written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return {buffer.data(), static_cast<std::size_t>(written.ptr - buffer.data())};
}

}  // namespace

// The text is laid out as RapidJSON 1.1.0's Writer (compact) and PrettyWriter (indented, two spaces)
// lay it out, which cxf wrote with before: the same document gives the same bytes.
Builder::Builder(Layout layout) : layout_(layout) {}

Builder::Builder(io::Output& out, Layout layout) : layout_(layout), out_(&out) {}

Builder::Builder(Layout layout, unsigned depth) : Builder(layout) {
    for (unsigned i = 0; i < depth; ++i) begin_array();
    // The first value's separator: a new line and its indentation, or nothing.
    values_start_ = text_.size() + (layout == Layout::indented ? 1 + 2 * std::size_t{depth} : 0);
}

Builder::~Builder() = default;

// A line end and its indent.
void Builder::newline() {
    const std::size_t indent = 2 * levels_.size();
    char* at = text_.extend(1 + indent);
    *at = '\n';
    std::memset(at + 1, ' ', indent);
}

// A key is the even-numbered entry of its object, its value the odd-numbered one.
void Builder::prefix() {
    if (levels_.empty()) return;
    Level& level = levels_.back();
    const bool after_key = !level.in_array && level.values % 2 == 1;
    if (layout_ == Layout::compact) {
        if (level.values > 0) text_.push_back(after_key ? ':' : ',');
    } else if (after_key) {
        std::memcpy(text_.extend(2), ": ", 2);
    } else {
        if (level.values > 0) text_.push_back(',');
        newline();
    }
    ++level.values;
}

Builder& Builder::open(char bracket, bool array) {
    prefix();
    text_.push_back(bracket);
    levels_.push_back({array, 0});
    return *this;
}

Builder& Builder::close(char bracket) {
    const bool empty = levels_.back().values == 0;
    levels_.pop_back();
    if (layout_ == Layout::indented && !empty) newline();
    text_.push_back(bracket);
    if (levels_.empty() && out_) write_out();
    else stage();
    return *this;
}

Builder& Builder::begin_object() { return open('{', false); }
Builder& Builder::end_object() { return close('}'); }
Builder& Builder::begin_array() { return open('[', true); }
Builder& Builder::end_array() { return close(']'); }

void Builder::put(std::string_view text) {
    if (out_ && text.size() >= stage_bytes) {  // handed on as it is, not copied
        write_out();
        out_->write(as_bytes(text));
        return;
    }
    text_.append(text);
}

void Builder::stage() {
    if (out_ && text_.size() >= stage_bytes) write_out();
}

void Builder::write_out() {
    if (text_.empty()) return;
    out_->write(as_bytes(text_.view()));
    text_.wipe();
}

void Builder::put_string(std::string_view text) {
    std::size_t i = first_escape(text);
    if (i == text.size() && text.size() < stage_bytes) {  // quoted as it is, in one piece
        char* at = text_.extend(text.size() + 2);
        at[0] = '"';
        if (!text.empty()) std::memcpy(at + 1, text.data(), text.size());
        at[text.size() + 1] = '"';
        return;
    }
    text_.push_back('"');
    std::size_t run = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const char escape = escapes[c];
        put(text.substr(run, i - run));
        constexpr char hex[] = "0123456789ABCDEF";
        const char escaped[] = {'\\', escape, '0', '0', hex[c >> 4], hex[c & 15]};
        text_.append(std::string_view(escaped, escape == 'u' ? 6 : 2));
        run = i + 1;
        i = run + first_escape(text.substr(run));
    }
    put(text.substr(run));
    text_.push_back('"');
}

Builder& Builder::key(std::string_view name) {
    valid_string(name);
    return *this;
}

Builder& Builder::string(std::string_view value) {
    if (!valid_utf8(value)) throw Error(Errc::invalid, {"", place}, "text is not valid UTF-8");
    valid_string(value);
    return *this;
}

void Builder::valid_string(std::string_view value) {
    prefix();
    put_string(value);
    stage();
}

Builder& Builder::integer(std::int64_t value) {
    std::array<char, 24> buffer;
    return raw(decimal(value, buffer));
}

Builder& Builder::unsigned_integer(std::uint64_t value) {
    std::array<char, 24> buffer;
    return raw(decimal(value, buffer));
}

Builder& Builder::boolean(bool value) { return raw(value ? "true" : "false"); }

Builder& Builder::null() { return raw("null"); }

Builder& Builder::raw(std::string_view json) {
    prefix();
    put(json);
    stage();
    return *this;
}

std::string_view Builder::values() const noexcept {
    const std::string_view text = text_.view();
    return text.size() > values_start_ ? text.substr(values_start_) : std::string_view();
}

Builder& Builder::copy(const Cursor& value) {
    copy_value(value.tape(), value.index());
    return *this;
}

void Builder::copy_value(const Tape& tape, std::uint32_t index) {
    const Node& node = tape.nodes[index];
    switch (node.kind) {
        case Kind::null: null(); break;
        case Kind::boolean: boolean(node.flag); break;
        case Kind::int64: integer(node.i); break;
        case Kind::uint64: unsigned_integer(node.u); break;
        case Kind::number_double: {
            char buffer[25];  // as RapidJSON writes a double: the shortest text that reads back the same
            const char* end = rapidjson::internal::dtoa(node.d, buffer);
            raw(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
            break;
        }
        case Kind::string: valid_string(tape.string(node)); break;  // the tape holds validated UTF-8
        case Kind::key: break;
        case Kind::array:
            begin_array();
            for (std::uint32_t child = index + 1; child < node.end; child = tape.nodes[child].end) copy_value(tape, child);
            end_array();
            break;
        case Kind::object:
            begin_object();
            for (std::uint32_t k = index + 1; k < node.end; k = tape.nodes[k + 1].end) {
                key(tape.string(tape.nodes[k]));
                copy_value(tape, k + 1);
            }
            end_object();
            break;
    }
}

// Small texts are mostly values the model keeps (an item's extension JSON): thousands of them, whose
// spare capacity came to 7 % of a 50k-entry vault's memory. A large one is handed on, not kept.
crypto::Secret Builder::take() {
    if (text_.size() < 4096) text_.shrink_to_fit();
    return std::move(text_);
}

void Builder::flush() {
    if (out_) write_out();
}

}  // namespace cxf::json
