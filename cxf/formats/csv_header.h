// SPDX-License-Identifier: MIT
// Detection of the CSV formats whose header is fixed: the first record must be exactly the format's
// column names, in its order and case (a UTF-8 byte order mark and quoted names allowed).
#pragma once

#include <span>
#include <string_view>

#include "cxf/plugin/format.h"

namespace cxf {

// yes when the first record of `head` is `names`, else no.
Confidence header_is(ByteView head, std::span<const std::string_view> names) noexcept;

}  // namespace cxf
