// SPDX-License-Identifier: MIT
// KDBX XML value codecs: dates, booleans, UUIDs, integers and tags.
#include "cxf/kdbx/xml_values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "cxf/encoding/base64.h"
#include "cxf/kdbx/bytes.h"

namespace cxf::kdbx::detail {

namespace {

constexpr std::int64_t seconds_per_day = 86400;
constexpr std::int64_t days_to_unix_epoch = Time::unix_epoch / seconds_per_day;  // from 0001-01-01

// Days since 1970-01-01 of a proleptic Gregorian date, counting in 400-year eras from 0000-03-01.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

Civil civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// Reads exactly `width` digits at `at`.
std::optional<unsigned> digits(std::string_view text, std::size_t at, std::size_t width) {
    if (at + width > text.size()) return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return value;
}

std::optional<Time> parse_iso(std::string_view t) {
    const auto year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    const auto hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second || t[4] != '-' || t[7] != '-' ||
        (t[10] != 'T' && t[10] != ' ') || t[13] != ':' || t[16] != ':')
        return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;
    std::size_t at = 19;
    if (at < t.size() && t[at] == '.') {  // fractions of a second: KeePass never writes them; dropped
        ++at;
        while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
    }
    std::int64_t offset = 0;
    if (at < t.size() && t[at] == 'Z') {
        ++at;
    } else if (at < t.size() && (t[at] == '+' || t[at] == '-')) {
        const auto oh = digits(t, at + 1, 2), om = digits(t, at + 4, 2);
        if (!oh || !om || t[at + 3] != ':') return std::nullopt;
        offset = (t[at] == '+' ? 1 : -1) * (std::int64_t{*oh} * 3600 + std::int64_t{*om} * 60);
        at += 6;
    }
    if (at != t.size()) return std::nullopt;
    const std::int64_t days = days_from_civil(*year, *month, *day) + days_to_unix_epoch;
    return Time{days * seconds_per_day + *hour * 3600 + *minute * 60 + *second - offset};
}

}  // namespace

std::optional<Time> parse_time(std::string_view text) {
    text = trim(text);
    if (const auto bytes = encoding::base64_decode(text); bytes && bytes->size() == 8)
        return Time{load_le<std::int64_t>(bytes->data())};
    return parse_iso(text);
}

std::string format_time(Time time, bool kdbx4) {
    if (kdbx4) {
        Bytes le;
        append_le(le, time.seconds);
        return encoding::base64_encode(le);
    }
    // ISO text holds years 1 to 9999 only, as .NET's DateTime does.
    constexpr std::int64_t last = 315537897599;  // 9999-12-31T23:59:59Z
    const std::int64_t s = std::clamp<std::int64_t>(time.seconds, 0, last);
    const Civil c = civil_from_days(s / seconds_per_day - days_to_unix_epoch);
    const std::int64_t in_day = s % seconds_per_day;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(c.year),
                  c.month, c.day, static_cast<long long>(in_day / 3600), static_cast<long long>(in_day / 60 % 60),
                  static_cast<long long>(in_day % 60));
    return buffer;
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
    const auto bytes = encoding::base64_decode(text);
    if (!bytes || bytes->size() != 16) return std::nullopt;
    Uuid uuid{};
    std::copy(bytes->begin(), bytes->end(), uuid.begin());
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
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace cxf::kdbx::detail
