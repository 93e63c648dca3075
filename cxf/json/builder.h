// SPDX-License-Identifier: MIT
// Builds JSON text, into wiped memory (any value may be a secret) or streamed to an io::Output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/json/cursor.h"
#include "cxf/secret.h"

namespace cxf::io {
class Output;
}

namespace cxf::json {

enum class Layout {
    compact,
    indented,  // two spaces, as JSON.stringify(…, null, "  ") writes
};

class Builder {
public:
    explicit Builder(Layout layout = Layout::compact);  // into memory: take() the text
    Builder(io::Output& out, Layout layout);            // streamed: flush() when the document is complete
    // Into memory, for values that another builder inserts with raw() where it is `depth`
    // containers deep: their text is laid out as it would be there. values() is the text.
    Builder(Layout layout, unsigned depth);
    ~Builder();
    Builder(const Builder&) = delete;
    Builder& operator=(const Builder&) = delete;

    Builder& begin_object();
    Builder& end_object();
    Builder& begin_array();
    Builder& end_array();
    Builder& key(std::string_view name);
    // Text that is not UTF-8 is Errc::invalid at `place`.
    Builder& string(std::string_view value);
    Builder& integer(std::int64_t value);
    Builder& unsigned_integer(std::uint64_t value);
    Builder& boolean(bool value);
    Builder& null();
    // JSON inserted as it is: a complete value, or the values() of a nested builder with their separators.
    Builder& raw(std::string_view json);
    Builder& copy(const Cursor& value);   // a parsed value, as it was read

    crypto::Secret take();
    std::string_view values() const noexcept;  // of a nested builder: the values written, without its containers
    void flush();

    Layout layout() const noexcept { return layout_; }
    unsigned depth() const noexcept { return static_cast<unsigned>(levels_.size()); }  // the containers open where the next value goes

    // Where the text being written comes from, for the error a value that is not UTF-8 raises.
    std::string place;

private:
    // An open container, and the keys and values written in it so far.
    struct Level {
        bool in_array;
        std::size_t values;
    };
    void prefix();  // what goes before a key or value: its separator and, indented, its line
    void newline();
    Builder& open(char bracket, bool array);
    Builder& close(char bracket);
    void put(std::string_view text);
    void put_string(std::string_view text);  // quoted, with what JSON requires escaped
    void stage();                            // streamed: the text goes out once enough has gathered
    void write_out();
    void valid_string(std::string_view value);  // text known to be UTF-8
    void copy_value(const Tape& tape, std::uint32_t index);

    Layout layout_;
    std::vector<Level> levels_;
    std::size_t values_start_ = 0;  // in text_, of a nested builder
    crypto::Secret text_;           // the text; streamed, what waits to go out
    io::Output* out_ = nullptr;     // streamed
};

}  // namespace cxf::json
