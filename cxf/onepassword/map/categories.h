// SPDX-License-Identifier: MIT
// 1Password's item categories (an item's "categoryUuid"), shared by the 1PUX reader and writers.
#pragma once

#include <cstdint>
#include <string_view>

namespace cxf::onepassword {

enum class Category : std::uint8_t {
    login, credit_card, secure_note, identity, password, document, software_license, bank_account, database,
    drivers_license, outdoor_license, membership, passport, reward_program, social_security_number,
    wireless_router, server, email_account, api_credential, medical_record, ssh_key, crypto_wallet,
    unknown,  // a category this table does not list (newer templates, user-made item types)
};

struct CategoryId {
    std::string_view id;    // "001"
    Category category;
    std::string_view name;  // as 1Password's apps name it
};

// The ids 001-006 and 100-114 are those of Bitwarden's and KeePassXC's 1PUX importers; 115 for
// Crypto Wallet is seen in one importer only (shared/docs/formats/1password-bitwarden.md §A.3).
inline constexpr CategoryId categories[] = {
    {"001", Category::login, "Login"},
    {"002", Category::credit_card, "Credit Card"},
    {"003", Category::secure_note, "Secure Note"},
    {"004", Category::identity, "Identity"},
    {"005", Category::password, "Password"},
    {"006", Category::document, "Document"},
    {"100", Category::software_license, "Software License"},
    {"101", Category::bank_account, "Bank Account"},
    {"102", Category::database, "Database"},
    {"103", Category::drivers_license, "Driver License"},
    {"104", Category::outdoor_license, "Outdoor License"},
    {"105", Category::membership, "Membership"},
    {"106", Category::passport, "Passport"},
    {"107", Category::reward_program, "Reward Program"},
    {"108", Category::social_security_number, "Social Security Number"},
    {"109", Category::wireless_router, "Wireless Router"},
    {"110", Category::server, "Server"},
    {"111", Category::email_account, "Email Account"},
    {"112", Category::api_credential, "API Credential"},
    {"113", Category::medical_record, "Medical Record"},
    {"114", Category::ssh_key, "SSH Key"},
    {"115", Category::crypto_wallet, "Crypto Wallet"},
};

constexpr Category category_of(std::string_view id) noexcept {
    for (const CategoryId& c : categories)
        if (c.id == id) return c.category;
    return Category::unknown;
}

// The categoryUuid of a known category ("" for Category::unknown).
constexpr std::string_view category_id(Category category) noexcept {
    for (const CategoryId& c : categories)
        if (c.category == category) return c.id;
    return {};
}

}  // namespace cxf::onepassword
