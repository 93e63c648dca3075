// SPDX-License-Identifier: MIT
#include "cxf/browser_csv/map/firefox.h"

#include <charconv>

namespace cxf::browser_csv {

std::optional<std::int64_t> parse_millis(std::string_view text) {
    if (text.empty() || text.front() == '+') return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

Timestamp seconds_of(std::int64_t millis) noexcept {
    return millis / 1000 - (millis % 1000 < 0 ? 1 : 0);
}

std::string title_from_url(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
    return rest.empty() ? std::string(url) : std::string(rest);
}

}  // namespace cxf::browser_csv
