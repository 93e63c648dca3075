// SPDX-License-Identifier: MIT
// Bitwarden "card" → credit-card. Expiry month ("4" or "04") and year ("2030") become one
// year-month ("2030-04"); a month or year that cannot is kept as written in the extension.
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

std::optional<int> small_number(std::string_view text) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// "2030-04" from the two texts; two-digit years are this century's, as card forms mean them.
std::optional<std::string> year_month(std::string_view month_text, std::string_view year_text) {
    const auto month = small_number(month_text);
    auto year = small_number(year_text);
    if (!month || !year || *month < 1 || *month > 12 || (year_text.size() != 2 && year_text.size() != 4)) return std::nullopt;
    if (year_text.size() == 2) *year += 2000;
    std::string out = std::to_string(*year) + "-";
    if (*month < 10) out += '0';
    return out + std::to_string(*month);
}

}  // namespace

void read_card(const json::Cursor& card, Item& item, ItemSource& source) {
    CreditCard c;
    std::optional<json::Cursor> month, year;
    for (const auto m : card.members()) {
        if (m.key == "cardholderName") c.full_name = source.field(m.value, FieldType::string);
        else if (m.key == "brand") c.card_type = source.field(m.value, FieldType::string);
        else if (m.key == "number") c.number = source.field(m.value, FieldType::concealed_string);
        else if (m.key == "code") c.verification_number = source.field(m.value, FieldType::concealed_string);
        else if (m.key == "expMonth") month = m.value;
        else if (m.key == "expYear") year = m.value;
        else source.keep("card", m);
    }
    const auto month_text = month ? source.string_or_null(*month) : std::nullopt;
    const auto year_text = year ? source.string_or_null(*year) : std::nullopt;
    if (month_text || year_text) {
        const auto expiry = year_month(month_text.value_or(""), year_text.value_or(""));
        if (expiry) {
            c.expiry_date = make_field(FieldType::year_month, *expiry);
            keep_spelling(source, "card.expMonth", *month_text, std::to_string(std::stoi(expiry->substr(5))));
            keep_spelling(source, "card.expYear", *year_text, expiry->substr(0, 4));
        } else {
            if (month_text) source.extension().set_in("card", "expMonth", json_string(*month_text));
            if (year_text) source.extension().set_in("card", "expYear", json_string(*year_text));
            source.report().changed(card.pointer(),
                                    "the expiry month and year do not make a year-month; kept as written in "
                                    "cxf.local/bitwarden",
                                    "credit-card");
        }
    }
    item.credentials.emplace_back(std::move(c));
}

}  // namespace cxf::bitwarden_json
