// SPDX-License-Identifier: MIT
#include "cxf/json/utf8.h"

#include <cstdint>
#include <cstring>

namespace cxf::json {

namespace {

// The length of the well-formed UTF-8 sequence `text` starts with, or 0 when it starts with none.
std::size_t sequence_length(std::string_view text) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char c = *p;
    if (c < 0x80) return 1;
    std::size_t length;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) length = 2, cp = c & 0x1Fu;
    else if ((c & 0xF0) == 0xE0) length = 3, cp = c & 0x0Fu;
    else if ((c & 0xF8) == 0xF0) length = 4, cp = c & 0x07u;
    else return 0;
    if (text.size() < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}

}  // namespace

bool valid_utf8(std::string_view text) noexcept {
    while (!text.empty()) {
        // Most text is ASCII: eight bytes at a time while none has its high bit set.
        std::uint64_t eight;
        while (text.size() >= 8 && (std::memcpy(&eight, text.data(), 8), (eight & 0x8080808080808080u) == 0))
            text.remove_prefix(8);
        if (text.empty()) break;
        const std::size_t length = sequence_length(text);
        if (length == 0) return false;
        text.remove_prefix(length);
    }
    return true;
}

std::string replace_invalid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::size_t length = sequence_length(text);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            text.remove_prefix(1);
        } else {
            out += text.substr(0, length);
            text.remove_prefix(length);
        }
    }
    return out;
}

}  // namespace cxf::json
