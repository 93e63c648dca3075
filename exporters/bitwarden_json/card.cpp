// SPDX-License-Identifier: MIT
// credit-card → Bitwarden "card". The year-month expiry splits into expMonth ("4") and expYear
// ("2030"), in the importer's spelling ("04", "30") when it still agrees.
#include "cxf/bitwarden/map/codec.h"
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

namespace {

// Up to four digits: a month or a year, small enough for std::stoi.
bool digits(std::string_view s) { return s.size() <= 4 && all_digits(s); }

}  // namespace

void write_card(json::Builder& out, const Cipher& c) {
    static const CreditCard empty;
    const CreditCard& card = c.card ? *c.card : empty;
    out.begin_object();
    member(out, "cardholderName", card.full_name);
    member(out, "brand", card.card_type);
    member(out, "number", card.number);

    std::optional<std::string> month, year;
    const std::string_view expiry = card.expiry_date ? card.expiry_date->value.view() : std::string_view();
    if (expiry.size() == 7 && expiry[4] == '-' && digits(expiry.substr(0, 4)) && digits(expiry.substr(5))) {
        const int m = std::stoi(std::string(expiry.substr(5)));
        const int y = std::stoi(std::string(expiry.substr(0, 4)));
        const auto kept_month = spelling(c.ext, "card.expMonth", [&](std::string_view t) { return digits(t) && std::stoi(std::string(t)) == m; });
        const auto kept_year = spelling(c.ext, "card.expYear", [&](std::string_view t) {
            return digits(t) && (t.size() == 2 ? 2000 + std::stoi(std::string(t)) : std::stoi(std::string(t))) == y;
        });
        month = kept_month ? std::string(*kept_month) : std::to_string(m);
        year = kept_year ? std::string(*kept_year) : std::string(expiry.substr(0, 4));
    }
    const auto kept = c.ext.find("card");
    out.key("expMonth");
    if (month) out.string(*month);
    else if (const auto raw = kept ? kept->find("expMonth") : std::nullopt) out.copy(*raw);
    else out.null();
    out.key("expYear");
    if (year) out.string(*year);
    else if (const auto raw = kept ? kept->find("expYear") : std::nullopt) out.copy(*raw);
    else out.null();
    member(out, "code", card.verification_number);
    write_kept_members(out, c, "card", {"expMonth", "expYear"});
    out.end_object();
}

}  // namespace cxf::bitwarden_json
