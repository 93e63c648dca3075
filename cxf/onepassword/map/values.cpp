// SPDX-License-Identifier: MIT
#include "cxf/onepassword/map/values.h"

#include "cxf/encoding/rfc3339.h"

namespace cxf::onepassword {

ValueKind value_kind(std::string_view name) noexcept {
    for (const ValueKindName& k : value_kinds)
        if (k.name == name) return k.kind;
    return ValueKind::unknown;
}

std::string_view value_kind_name(ValueKind kind) noexcept {
    for (const ValueKindName& k : value_kinds)
        if (k.kind == kind) return k.name;
    return {};
}

FieldType field_type_of(ValueKind kind) noexcept {
    switch (kind) {
        case ValueKind::concealed:
        case ValueKind::totp:
        case ValueKind::credit_card_number: return FieldType::concealed_string;
        case ValueKind::email: return FieldType::email;
        case ValueKind::date: return FieldType::date;
        case ValueKind::month_year: return FieldType::year_month;
        default: return FieldType::string;
    }
}

FieldType login_field_type(std::string_view letter) noexcept {
    if (letter == "P") return FieldType::concealed_string;
    if (letter == "E") return FieldType::email;
    return FieldType::string;
}

std::string_view login_field_letter(FieldType type) noexcept {
    if (type == FieldType::concealed_string) return "P";
    if (type == FieldType::email) return "E";
    return "T";
}

std::string_view card_type_code(std::string_view name) noexcept {
    for (const CardType& c : card_types)
        if (c.name == name || c.code == name) return c.code;
    return name;
}

std::string_view card_type_name(std::string_view code) noexcept {
    for (const CardType& c : card_types)
        if (c.code == code) return c.name;
    return code;
}

std::optional<std::string> month_year_text(std::int64_t yyyymm) {
    const std::int64_t year = yyyymm / 100, month = yyyymm % 100;
    if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
    std::string text = std::to_string(year);
    text.insert(0, 4 - text.size(), '0');
    return text + (month < 10 ? "-0" : "-") + std::to_string(month);
}

std::optional<std::int64_t> month_year_number(std::string_view text) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        std::int64_t n = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::int64_t{-1};
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    const std::int64_t year = digits(0, 4), month = digits(5, 2);
    if (year < 1 || month < 1 || month > 12) return std::nullopt;
    return year * 100 + month;
}

std::optional<std::int64_t> date_seconds(std::string_view text) {
    if (text.size() != 10) return std::nullopt;
    const auto seconds = encoding::parse_rfc3339(std::string(text) + "T00:00:00Z");
    if (!seconds || date_text(*seconds) != text) return std::nullopt;  // 2023-02-30 is no date
    return seconds;
}

std::optional<std::string> date_text(std::int64_t seconds) {
    // 0001-01-01 and 9999-12-31 in Unix seconds: outside them the text is not a four-digit year.
    constexpr std::int64_t first = -62135596800, last = 253402300799;
    if (seconds < first || seconds > last) return std::nullopt;
    return encoding::format_rfc3339(seconds, false).substr(0, 10);
}

std::optional<std::string> country_code(std::string_view text) {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (text.size() != 2 || !letter(text[0]) || !letter(text[1])) return std::nullopt;
    std::string code(text);
    for (char& c : code)
        if (c >= 'a') c = static_cast<char>(c - 'a' + 'A');
    return code;
}

}  // namespace cxf::onepassword
