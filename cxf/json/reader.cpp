// SPDX-License-Identifier: MIT
#include "cxf/json/reader.h"

#include <limits>

#include "cxf/error.h"

namespace cxf::json {

namespace {

bool is_integer(const Cursor& value) { return value.is(Kind::int64) || value.is(Kind::uint64); }

std::string_view wanted_name(Kind kind) {
    switch (kind) {
        case Kind::boolean: return "true or false";
        case Kind::int64:
        case Kind::uint64: return "an integer";
        case Kind::string: return "a string";
        case Kind::array: return "an array";
        case Kind::object: return "an object";
        default: return "null";
    }
}

}  // namespace

std::optional<std::int64_t> to_int64(const Cursor& value) noexcept {
    if (value.is(Kind::int64)) return value.int64();
    if (value.is(Kind::uint64) && value.uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(value.uint64());
    return std::nullopt;
}

void Reader::fail(const Cursor& at, const std::string& message) const {
    throw Error(Errc::malformed, {context_.file, context_.place + at.pointer()}, message);
}

void Reader::fail_expected(const Cursor& at, std::string_view wanted, std::string_view name) const {
    const std::string got(type_name(at));
    switch (context_.wording) {
        case Wording::expected_got: fail(at, "expected " + std::string(wanted) + ", got " + got);
        case Wording::expected: fail(at, "expected " + std::string(wanted) + context_.suffix);
        case Wording::must_be: fail(at, "'" + std::string(name) + "' must be " + std::string(wanted) + ", not " + got);
    }
    fail(at, "expected " + std::string(wanted));
}

const Cursor& Reader::expect(const Cursor& value, Kind kind, std::string_view name) const {
    const bool integer_wanted = kind == Kind::int64 || kind == Kind::uint64;
    if (integer_wanted ? !is_integer(value) : !value.is(kind)) fail_expected(value, wanted_name(kind), name);
    return value;
}

std::string_view Reader::string(const Cursor& value) const { return expect(value, Kind::string).string(); }

std::int64_t Reader::integer(const Cursor& value) const {
    const auto n = to_int64(value);
    if (!n) fail_expected(value, wanted_name(Kind::int64));
    return *n;
}

bool Reader::boolean(const Cursor& value) const { return expect(value, Kind::boolean).boolean(); }

std::optional<std::string_view> Reader::string_or_null(const Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    return string(value);
}

std::optional<std::int64_t> Reader::integer_or_null(const Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    return integer(value);
}

std::optional<bool> Reader::boolean_or_null(const Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    return boolean(value);
}

std::optional<Cursor> Reader::object_or_null(const Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    return expect(value, Kind::object);
}

std::optional<Cursor> Reader::array_or_null(const Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    return expect(value, Kind::array);
}

std::optional<Cursor> Reader::optional_member(const Cursor& object, std::string_view key, Kind kind) const {
    const auto value = object.find(key);
    if (value) expect(*value, kind, key);
    return value;
}

Cursor Reader::required_member(const Cursor& object, std::string_view key, Kind kind) const {
    const auto value = optional_member(object, key, kind);
    if (!value) fail(object, "missing member '" + std::string(key) + "'");
    return *value;
}

std::optional<std::string_view> Reader::optional_string(const Cursor& object, std::string_view key) const {
    const auto value = optional_member(object, key, Kind::string);
    if (!value) return std::nullopt;
    return value->string();
}

std::string_view Reader::required_string(const Cursor& object, std::string_view key) const {
    return required_member(object, key, Kind::string).string();
}

std::optional<std::int64_t> Reader::optional_integer(const Cursor& object, std::string_view key) const {
    const auto value = object.find(key);
    if (!value) return std::nullopt;
    return integer(*value);
}

std::optional<bool> Reader::optional_boolean(const Cursor& object, std::string_view key) const {
    const auto value = optional_member(object, key, Kind::boolean);
    if (!value) return std::nullopt;
    return value->boolean();
}

std::optional<Cursor> Reader::optional_object(const Cursor& object, std::string_view key) const {
    return optional_member(object, key, Kind::object);
}

std::optional<Cursor> Reader::optional_array(const Cursor& object, std::string_view key) const {
    return optional_member(object, key, Kind::array);
}

}  // namespace cxf::json
