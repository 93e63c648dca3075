// SPDX-License-Identifier: MIT
// 1Password's CSV exports (format id "1password-csv"): the 1Password 8 layout
// (Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes) and 1Password 7's "all fields"
// layout (a Type column, one column per template field and section).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cxf/plugin/format.h"

namespace cxf::onepassword_csv {

enum class Layout : std::uint8_t { onepassword8, onepassword7 };

// The layout a header row is, or nullopt when it is neither.
std::optional<Layout> layout_of(std::span<const std::string_view> header);

// One item per row. Throws cxf::Error (malformed) at "line N, column M" for damaged CSV or a row of
// the wrong length, and at "line 1" for a header that is not 1Password's.
Vault read(const Input& input, const ReadOptions& options, Report& report);

}  // namespace cxf::onepassword_csv
