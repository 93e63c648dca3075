// SPDX-License-Identifier: MIT
// Checked, typed reading of parsed JSON: a value of another type than the reader wants is
// Errc::malformed at {file, place + its JSON pointer}, worded as the document's format words it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/json/cursor.h"

namespace cxf::json {

// The value of an integer that fits in int64; nullopt for anything else.
std::optional<std::int64_t> to_int64(const Cursor& value) noexcept;

// How a reader words a value of the wrong type.
enum class Wording {
    expected_got,  // "expected a string, got integer"
    expected,      // "expected a string" and the reader's suffix (" in what cxf wrote there")
    must_be,       // "'name' must be a string, not integer"
};

struct ReaderContext {
    std::string file;    // Where::file
    std::string place;   // put before the JSON pointer in Where::place
    std::string suffix;  // ends Wording::expected messages
    Wording wording = Wording::expected_got;
};

class Reader {
public:
    explicit Reader(ReaderContext context) : context_(std::move(context)) {}

    [[noreturn]] void fail(const Cursor& at, const std::string& message) const;
    // "expected `wanted`…" in the reader's wording; `name` is what must_be calls the value.
    [[noreturn]] void fail_expected(const Cursor& at, std::string_view wanted, std::string_view name = {}) const;
    // `value` unless it is not of `kind` (int64 and uint64 both stand for "an integer").
    const Cursor& expect(const Cursor& value, Kind kind, std::string_view name = {}) const;

    std::string_view string(const Cursor& value) const;
    std::int64_t integer(const Cursor& value) const;
    bool boolean(const Cursor& value) const;

    // The same where null means absent, as in Bitwarden exports.
    std::optional<std::string_view> string_or_null(const Cursor& value) const;
    std::optional<std::int64_t> integer_or_null(const Cursor& value) const;
    std::optional<bool> boolean_or_null(const Cursor& value) const;
    std::optional<Cursor> object_or_null(const Cursor& value) const;
    std::optional<Cursor> array_or_null(const Cursor& value) const;

    // Members of an object: absent ones are nullopt, or fail with "missing member 'key'" at the object
    // when required; mistyped ones fail (null is a type here).
    std::optional<Cursor> optional_member(const Cursor& object, std::string_view key, Kind kind) const;
    Cursor required_member(const Cursor& object, std::string_view key, Kind kind) const;
    std::optional<std::string_view> optional_string(const Cursor& object, std::string_view key) const;
    std::string_view required_string(const Cursor& object, std::string_view key) const;
    std::optional<std::int64_t> optional_integer(const Cursor& object, std::string_view key) const;
    std::optional<bool> optional_boolean(const Cursor& object, std::string_view key) const;
    std::optional<Cursor> optional_object(const Cursor& object, std::string_view key) const;
    std::optional<Cursor> optional_array(const Cursor& object, std::string_view key) const;

    const ReaderContext& context() const noexcept { return context_; }

private:
    ReaderContext context_;
};

}  // namespace cxf::json
