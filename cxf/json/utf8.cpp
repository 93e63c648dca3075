// SPDX-License-Identifier: MIT
#include "cxf/json/writer.h"

namespace cxf::json {

bool valid_utf8(std::string_view text) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        std::size_t length;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) length = 2, cp = c & 0x1Fu;
        else if ((c & 0xF0) == 0xE0) length = 3, cp = c & 0x0Fu;
        else if ((c & 0xF8) == 0xF0) length = 4, cp = c & 0x07u;
        else return false;
        if (static_cast<std::size_t>(end - p) < length) return false;
        for (std::size_t i = 1; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < smallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += length;
    }
    return true;
}

}  // namespace cxf::json
