// SPDX-License-Identifier: MIT
#include "cxf/cxp/json_fields.h"

#include "cxf/error.h"

namespace cxf::cxp::detail {

void malformed(const json::Cursor& at, const std::string& file, const std::string& message) {
    throw Error(Errc::malformed, {file, at.pointer()}, message);
}

void expect(const json::Cursor& value, json::Kind kind, std::string_view name, const std::string& file) {
    // Non-negative integers are parsed as uint64; negative ones as int64: both are "integer".
    const bool integer_ok = kind == json::Kind::uint64 && value.is(json::Kind::int64);
    if (value.is(kind) || integer_ok) return;
    const std::string wanted = kind == json::Kind::uint64 ? "integer" : std::string(json::kind_name(kind));
    const bool vowel = std::string_view("aeiou").find(wanted.front()) != std::string_view::npos;
    malformed(value, file,
              "'" + std::string(name) + "' must be " + (vowel ? "an " : "a ") + wanted + ", not " +
                  std::string(json::type_name(value)));
}

std::optional<json::Cursor> optional_member(const json::Cursor& object, std::string_view name, json::Kind kind,
                                            const std::string& file) {
    const auto value = object.find(name);
    if (value) expect(*value, kind, name, file);
    return value;
}

json::Cursor member(const json::Cursor& object, std::string_view name, json::Kind kind, const std::string& file) {
    const auto value = optional_member(object, name, kind, file);
    if (!value) malformed(object, file, "missing member '" + std::string(name) + "'");
    return *value;
}

std::uint64_t uint_member(const json::Cursor& object, std::string_view name, std::uint64_t max,
                          const std::string& file) {
    const json::Cursor value = member(object, name, json::Kind::uint64, file);
    if (value.is(json::Kind::int64) || value.uint64() > max)
        malformed(value, file, "'" + std::string(name) + "' must be an integer from 0 to " + std::to_string(max));
    return value.uint64();
}

}  // namespace cxf::cxp::detail
