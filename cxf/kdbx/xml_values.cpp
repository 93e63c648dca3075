// SPDX-License-Identifier: MIT
// KDBX XML value codecs: dates, booleans, UUIDs, integers and tags.
#include "cxf/kdbx/xml_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "cxf/encoding/base64.h"
#include "cxf/encoding/rfc3339.h"
#include "cxf/kdbx/bytes.h"

namespace cxf::kdbx::detail {

std::optional<Time> parse_time(std::string_view text) {
    text = trim(text);
    if (std::array<std::uint8_t, 8> bytes; encoding::base64_decode_exact(text, bytes))
        return Time{load_le<std::int64_t>(bytes.data())};
    const auto unix_seconds = encoding::parse_rfc3339(text);
    if (!unix_seconds) return std::nullopt;
    return Time::from_unix(*unix_seconds);
}

std::string format_time(Time time, bool kdbx4) {
    if (kdbx4) {
        Bytes le;
        append_le(le, time.seconds);
        return encoding::base64_encode(le);
    }
    // ISO text holds years 1 to 9999 only, as .NET's DateTime does.
    constexpr std::int64_t last = 315537897599;  // 9999-12-31T23:59:59Z
    return encoding::format_rfc3339(Time{std::clamp<std::int64_t>(time.seconds, 0, last)}.to_unix(), false);
}

std::optional<bool> parse_bool(std::string_view text) {
    text = trim(text);
    auto is = [&](std::string_view word) {
        return std::equal(text.begin(), text.end(), word.begin(), word.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    };
    if (text.empty() || is("false") || text == "0") return false;
    if (is("true") || text == "1") return true;
    return std::nullopt;
}

std::optional<Uuid> parse_uuid(std::string_view text) {
    text = trim(text);
    if (text.empty()) return nil_uuid;
    Uuid uuid{};
    if (!encoding::base64_decode_exact(text, uuid)) return std::nullopt;
    return uuid;
}

std::string format_uuid(const Uuid& uuid) { return encoding::base64_encode(uuid); }

template <typename T>
std::optional<T> parse_integer(std::string_view text) {
    text = trim(text);
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}
template std::optional<std::int32_t> parse_integer<std::int32_t>(std::string_view);
template std::optional<std::int64_t> parse_integer<std::int64_t>(std::string_view);
template std::optional<std::uint64_t> parse_integer<std::uint64_t>(std::string_view);

std::vector<std::string> split_tags(std::string_view text) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ';' && text[i] != ',' && text[i] != '\t') continue;
        const std::string_view tag = trim(text.substr(start, i - start));
        if (!tag.empty()) tags.emplace_back(tag);
        start = i + 1;
    }
    return tags;
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const std::string& tag : tags) {
        if (!out.empty()) out += ';';
        out += tag;
    }
    return out;
}

std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && is_xml_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_xml_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string_view without_xml_space(std::string_view text, crypto::Secret& spare) {
    if (std::none_of(text.begin(), text.end(), is_xml_space)) return text;
    for (const char c : text)
        if (!is_xml_space(c)) spare.push_back(c);
    return spare.view();
}

}  // namespace cxf::kdbx::detail
