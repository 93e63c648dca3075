// SPDX-License-Identifier: MIT
// RFC 3339 date-times ↔ Unix seconds, as KeePass (KDBX 3.1) and Bitwarden write them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cxf::encoding {

// "YYYY-MM-DDTHH:MM:SS" ('T', 't' or a space between), optional fractions of a second (dropped),
// then "Z", "z", "±HH:MM" or nothing (UTC). nullopt for anything else.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ", or "…SS.000Z" with `millis` (JavaScript's toISOString()).
std::string format_rfc3339(std::int64_t unix_seconds, bool millis);

}  // namespace cxf::encoding
