// SPDX-License-Identifier: MIT
// What Firefox's CSV reader and writer agree on beyond the columns: its times and the title it lacks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/model/field.h"

namespace cxf::browser_csv {

// A time as Firefox writes it: milliseconds since 1970, whole decimal digits (a '-' allowed);
// nullopt for anything else or a number beyond 64 bits.
std::optional<std::int64_t> parse_millis(std::string_view text);

// The whole seconds of a time in milliseconds (rounded down, also before 1970).
Timestamp seconds_of(std::int64_t millis) noexcept;

// The title a Firefox login is given, which has none: its URL's host (with the port), or the whole
// URL when it has no "scheme://".
std::string title_from_url(std::string_view url);

}  // namespace cxf::browser_csv
