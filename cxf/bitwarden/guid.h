// SPDX-License-Identifier: MIT
// The GUID text Bitwarden uses for ids: "a2e10494-af23-400c-8146-23234e1830ed".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/secret.h"

namespace cxf::bitwarden {

inline constexpr std::size_t guid_bytes = 16;

// Its 16 bytes in textual order (either case); nullopt when the text is not exactly 8-4-4-4-12 hex digits.
std::optional<Bytes> parse_guid(std::string_view text);

// Lowercase 8-4-4-4-12 text of 16 bytes.
std::string format_guid(ByteView bytes);

}  // namespace cxf::bitwarden
