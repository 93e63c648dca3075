// SPDX-License-Identifier: MIT
// The JSON writer the Bitwarden exporter writes through: two-space indents as Bitwarden's clients
// write (JSON.stringify(…, null, "  ")), checked UTF-8, null for absent values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/json/cursor.h"
#include "cxf/json/writer.h"
#include "cxf/model/field.h"

namespace cxf::bitwarden_json {

class JsonOut {
public:
    explicit JsonOut(io::Output& out);
    // Hands the staged bytes to the output; call when the document is complete.
    void flush() { stream_.Flush(); }

    void start_object() { writer_.StartObject(); }
    void end_object() { writer_.EndObject(); }
    void start_array() { writer_.StartArray(); }
    void end_array() { writer_.EndArray(); }

    void key(std::string_view k);
    void string(std::string_view s);
    void null() { writer_.Null(); }
    void integer(std::int64_t v) { writer_.Int64(v); }
    void boolean(bool v) { writer_.Bool(v); }
    // A value kept in the extension, written as it was read.
    void copy(const json::Cursor& value);

    void member(std::string_view k, std::string_view s) {
        key(k);
        string(s);
    }
    void member(std::string_view k, const std::string& s) { member(k, std::string_view(s)); }
    void member(std::string_view k, const char* s) { member(k, std::string_view(s)); }
    void member(std::string_view k, const Field& f);  // its value, or null
    void member(std::string_view k, const std::optional<std::string>& s);
    void member(std::string_view k, std::nullptr_t) {
        key(k);
        null();
    }
    void member_integer(std::string_view k, std::int64_t v) {
        key(k);
        integer(v);
    }
    void member_boolean(std::string_view k, bool v) {
        key(k);
        boolean(v);
    }

    // Where the text being written comes from, for the error a value that is not UTF-8 raises.
    std::string place;

private:
    json::OutputStream stream_;
    json::PrettyWriter<json::OutputStream> writer_;
};

}  // namespace cxf::bitwarden_json
