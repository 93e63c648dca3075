// SPDX-License-Identifier: MIT
// Internal: how the CXP readers check JSON members (json::Reader, worded "'kem' must be an integer, not string").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cxf/json/reader.h"

namespace cxf::cxp::detail {

json::Reader fields(const std::string& file);

// A non-negative integer no larger than `max`.
std::uint64_t uint_member(const json::Reader& fields, const json::Cursor& object, std::string_view name,
                          std::uint64_t max);

}  // namespace cxf::cxp::detail
