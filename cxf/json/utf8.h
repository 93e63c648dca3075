// SPDX-License-Identifier: MIT
// UTF-8 checks for the text cxf writes.
#pragma once

#include <string>
#include <string_view>

namespace cxf::json {

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) noexcept;

// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD, for messages and
// paths in reports, which must stay JSON whatever bytes a file name holds.
std::string replace_invalid_utf8(std::string_view text);

}  // namespace cxf::json
