// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/guid.h"

#include "cxf/encoding/base64.h"

namespace cxf::bitwarden {

namespace {

constexpr std::size_t dashes[] = {8, 13, 18, 23};

}  // namespace

std::optional<Bytes> parse_guid(std::string_view text) {
    if (text.size() != 36) return std::nullopt;
    std::string hex;
    std::size_t from = 0;
    for (const std::size_t dash : dashes) {
        if (text[dash] != '-') return std::nullopt;
        hex += text.substr(from, dash - from);
        from = dash + 1;
    }
    hex += text.substr(from);
    return encoding::hex_decode(hex);
}

std::string format_guid(ByteView bytes) {
    std::string text = encoding::hex_encode(bytes);
    for (const std::size_t dash : dashes) text.insert(dash, 1, '-');
    return text;
}

}  // namespace cxf::bitwarden
