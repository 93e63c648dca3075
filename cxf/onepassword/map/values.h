// SPDX-License-Identifier: MIT
// How 1PUX spells values: the kinds of a section field's value ({"<kind>": value}), login field
// types, card type codes, dates (Unix seconds) and month-years (the integer YYYYMM).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/model/field.h"

namespace cxf::onepassword {

enum class ValueKind : std::uint8_t {
    string, concealed, totp, email, phone, url, date, month_year, credit_card_number, credit_card_type, address,
    ssh_key, reference, menu, gender, file, passkey,
    unknown,  // any other key: kept as text
};

struct ValueKindName {
    ValueKind kind;
    std::string_view name;  // the key in the value object
};

inline constexpr ValueKindName value_kinds[] = {
    {ValueKind::string, "string"},         {ValueKind::concealed, "concealed"},
    {ValueKind::totp, "totp"},             {ValueKind::email, "email"},
    {ValueKind::phone, "phone"},           {ValueKind::url, "url"},
    {ValueKind::date, "date"},             {ValueKind::month_year, "monthYear"},
    {ValueKind::credit_card_number, "creditCardNumber"}, {ValueKind::credit_card_type, "creditCardType"},
    {ValueKind::address, "address"},       {ValueKind::ssh_key, "sshKey"},
    {ValueKind::reference, "reference"},   {ValueKind::menu, "menu"},
    {ValueKind::gender, "gender"},         {ValueKind::file, "file"},
    {ValueKind::passkey, "passkey"},
};

ValueKind value_kind(std::string_view name) noexcept;
std::string_view value_kind_name(ValueKind kind) noexcept;  // "" for ValueKind::unknown

// The CXF field type of a value of this kind kept as a field; string for kinds that are not one
// text (address, sshKey, file, passkey) and for unknown ones.
FieldType field_type_of(ValueKind kind) noexcept;

// A login field's "fieldType" letter as a CXF field type: P password → concealed-string, E → email,
// anything else (T text, U URL, N number, A textarea, TEL, C checkbox, …) → string.
FieldType login_field_type(std::string_view letter) noexcept;
// The other way: concealed-string → "P", email → "E", anything else "T".
std::string_view login_field_letter(FieldType type) noexcept;

// 1Password's card type codes and the names CXF's free-text cardType gets.
struct CardType {
    std::string_view code;  // "mc"
    std::string_view name;  // "Mastercard"
};
inline constexpr CardType card_types[] = {
    {"visa", "Visa"},         {"mc", "Mastercard"},          {"amex", "American Express"},
    {"discover", "Discover"}, {"diners", "Diners Club"},     {"jcb", "JCB"},
    {"maestro", "Maestro"},   {"unionpay", "UnionPay"},      {"visaelectron", "Visa Electron"},
    {"laser", "Laser"},       {"solo", "Solo"},              {"switch", "Switch"},
    {"dankort", "Dankort"},   {"carteblanche", "Carte Blanche"},
};
// The name of a code; the code itself when it is not one of card_types.
std::string_view card_type_name(std::string_view code) noexcept;
// The code of a name (or of a code) in card_types; the text itself when it is neither.
std::string_view card_type_code(std::string_view name) noexcept;

// 202206 → "2022-06"; nullopt when it is not a year and a month 01-12.
std::optional<std::string> month_year_text(std::int64_t yyyymm);
// "2022-06" → 202206; nullopt for anything else.
std::optional<std::int64_t> month_year_number(std::string_view text);
// Unix seconds → the UTC date "YYYY-MM-DD" (1Password keeps a time of day with dates); nullopt for a
// year outside 0001-9999.
std::optional<std::string> date_text(std::int64_t seconds);
// "YYYY-MM-DD" → its midnight UTC in Unix seconds; nullopt for anything else.
std::optional<std::int64_t> date_seconds(std::string_view text);
// Whether a date's seconds are midnight UTC, which is what a date written back becomes.
constexpr bool is_midnight(std::int64_t seconds) noexcept { return seconds % 86400 == 0; }

// A two-letter country code in CXF's spelling ("us" → "US"); nullopt for anything else.
std::optional<std::string> country_code(std::string_view text);

}  // namespace cxf::onepassword
