// SPDX-License-Identifier: MIT
// Builds JSON text, into wiped memory (any value may be a secret) or streamed to an io::Output.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

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
    Builder& raw(std::string_view json);  // a complete JSON value, inserted as it is
    Builder& copy(const Cursor& value);   // a parsed value, as it was read

    crypto::Secret take() { return std::move(text_); }
    void flush();

    // Where the text being written comes from, for the error a value that is not UTF-8 raises.
    std::string place;

private:
    template <typename F>
    Builder& write(F&& f);

    struct State;  // the RapidJSON stream and writer, kept out of this header

    crypto::Secret text_;
    std::unique_ptr<State> state_;
};

}  // namespace cxf::json
