// SPDX-License-Identifier: MIT
// Internal: typed access to JSON members for the CXP readers, failing with Errc::malformed at a JSON pointer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/json/cursor.h"

namespace cxf::cxp::detail {

[[noreturn]] void malformed(const json::Cursor& at, const std::string& file, const std::string& message);

// Throws unless `value` is of `kind` ("'name' must be a string, not an array").
void expect(const json::Cursor& value, json::Kind kind, std::string_view name, const std::string& file);

// The member `name` of `object`, which must be of `kind`; a missing member fails at the object.
json::Cursor member(const json::Cursor& object, std::string_view name, json::Kind kind, const std::string& file);
std::optional<json::Cursor> optional_member(const json::Cursor& object, std::string_view name, json::Kind kind,
                                            const std::string& file);

// A non-negative integer no larger than `max`.
std::uint64_t uint_member(const json::Cursor& object, std::string_view name, std::uint64_t max,
                          const std::string& file);

}  // namespace cxf::cxp::detail
