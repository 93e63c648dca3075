// SPDX-License-Identifier: MIT
#include "importers/bitwarden_json/codec.h"

#include <cstdio>

#include "cxf/bitwarden/guid.h"
#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"

namespace cxf::bitwarden_json {

namespace {

using bitwarden::format_guid;
using bitwarden::guid_bytes;

constexpr std::string_view b64_prefix = "b64.";

int number(std::string_view s) {
    int v = 0;
    for (const char c : s) v = v * 10 + (c - '0');
    return v;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
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

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

}  // namespace

bool all_digits(std::string_view text) noexcept {
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

std::string guid_for(ByteView id) {
    if (id.size() == guid_bytes) return format_guid(id);
    return format_guid(ByteView(crypto::sha256({id})).first(guid_bytes));
}

std::optional<Bytes> parse_credential_id(std::string_view text) {
    if (text.starts_with(b64_prefix)) {
        auto raw = encoding::base64url_decode(text.substr(b64_prefix.size()));
        if (!raw || raw->empty()) return std::nullopt;
        return raw;
    }
    return bitwarden::parse_guid(text);
}

std::string format_credential_id(ByteView raw_id) {
    if (raw_id.size() == guid_bytes) return format_guid(raw_id);
    return std::string(b64_prefix) + encoding::base64url_encode(raw_id);
}

std::optional<Timestamp> parse_iso(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SS
    if (t.size() < 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || t[13] != ':' ||
        t[16] != ':')
        return std::nullopt;
    const std::string_view y = t.substr(0, 4), mo = t.substr(5, 2), d = t.substr(8, 2), h = t.substr(11, 2),
                           mi = t.substr(14, 2), s = t.substr(17, 2);
    if (!all_digits(y) || !all_digits(mo) || !all_digits(d) || !all_digits(h) || !all_digits(mi) || !all_digits(s))
        return std::nullopt;
    const int month = number(mo), day = number(d), hour = number(h), minute = number(mi), second = number(s);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    std::string_view rest = t.substr(19);
    if (!rest.empty() && rest.front() == '.') {
        rest.remove_prefix(1);
        std::size_t n = 0;
        while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
        if (n == 0) return std::nullopt;
        rest.remove_prefix(n);
    }
    std::int64_t offset = 0;
    if (rest == "Z" || rest == "z") {
        rest = {};
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
               all_digits(rest.substr(1, 2)) && all_digits(rest.substr(4, 2))) {
        offset = (number(rest.substr(1, 2)) * 60 + number(rest.substr(4, 2))) * 60;
        if (rest[0] == '-') offset = -offset;
        rest = {};
    }
    if (!rest.empty()) return std::nullopt;
    const std::int64_t days = days_from_civil(number(y), static_cast<unsigned>(month), static_cast<unsigned>(day));
    return days * 86400 + hour * 3600 + minute * 60 + second - offset;
}

std::string format_iso(Timestamp seconds) {
    std::int64_t days = seconds / 86400;
    std::int64_t in_day = seconds % 86400;
    if (in_day < 0) {
        in_day += 86400;
        --days;
    }
    const Civil c = civil_from_days(days);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.000Z", static_cast<long long>(c.year),
                  c.month, c.day, static_cast<long long>(in_day / 3600), static_cast<long long>(in_day / 60 % 60),
                  static_cast<long long>(in_day % 60));
    return buffer;
}

}  // namespace cxf::bitwarden_json
