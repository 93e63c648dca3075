// SPDX-License-Identifier: MIT
#include "cxf/encoding/rfc3339.h"

#include <cstdio>

namespace cxf::encoding {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

// Days since 1970-01-01 of a proleptic Gregorian date, counting in 400-year eras from 0000-03-01
// (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
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

// Exactly `width` decimal digits at `at`.
std::optional<unsigned> digits(std::string_view text, std::size_t at, std::size_t width) {
    if (at + width > text.size()) return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return value;
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339(std::string_view t) {
    const auto year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    const auto hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second || t[4] != '-' || t[7] != '-' ||
        (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || t[13] != ':' || t[16] != ':')
        return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;
    std::size_t at = 19;
    if (at < t.size() && t[at] == '.') {
        const std::size_t first = ++at;
        while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
        if (at == first) return std::nullopt;
    }
    std::int64_t offset = 0;
    if (at < t.size() && (t[at] == 'Z' || t[at] == 'z')) {
        ++at;
    } else if (at < t.size() && (t[at] == '+' || t[at] == '-')) {
        const auto oh = digits(t, at + 1, 2), om = digits(t, at + 4, 2);
        if (!oh || !om || t[at + 3] != ':') return std::nullopt;
        offset = (t[at] == '+' ? 1 : -1) * (std::int64_t{*oh} * 3600 + std::int64_t{*om} * 60);
        at += 6;
    }
    if (at != t.size()) return std::nullopt;
    const std::int64_t days = days_from_civil(*year, *month, *day);
    return days * seconds_per_day + *hour * 3600 + *minute * 60 + *second - offset;
}

std::string format_rfc3339(std::int64_t unix_seconds, bool millis) {
    std::int64_t days = unix_seconds / seconds_per_day;
    std::int64_t in_day = unix_seconds % seconds_per_day;
    if (in_day < 0) {
        in_day += seconds_per_day;
        --days;
    }
    const Civil c = civil_from_days(days);
    const auto hour = static_cast<unsigned>(in_day / 3600), minute = static_cast<unsigned>(in_day / 60 % 60),
               second = static_cast<unsigned>(in_day % 60);
    if (c.year < 0 || c.year > 9999) {  // rare: snprintf's widths say how
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02u:%02u:%02u%sZ", static_cast<long long>(c.year), c.month,
                      c.day, hour, minute, second, millis ? ".000" : "");
        return buffer;
    }
    // Written digit by digit: KDBX 3.1 writes several times per entry, and snprintf costs 3,000 instructions.
    std::string out = millis ? "0000-00-00T00:00:00.000Z" : "0000-00-00T00:00:00Z";
    const auto put = [&](std::size_t at, unsigned value, std::size_t width) {
        for (std::size_t i = width; i-- > 0; value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
    };
    put(0, static_cast<unsigned>(c.year), 4);
    put(5, c.month, 2);
    put(8, c.day, 2);
    put(11, hour, 2);
    put(14, minute, 2);
    put(17, second, 2);
    return out;
}

}  // namespace cxf::encoding
