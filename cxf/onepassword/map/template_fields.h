// SPDX-License-Identifier: MIT
// The template fields of 1Password categories that have a CXF credential member: a section field
// with this id, in an item of this category, is that member. Every other field is a custom field.
// Field ids as 1Password's templates name them (seen in real exports and Bitwarden's importer tests).
#pragma once

#include <string_view>

#include "cxf/onepassword/map/categories.h"

namespace cxf::onepassword {

struct TemplateField {
    Category category;
    std::string_view field_id;    // the section field's "id"
    std::string_view credential;  // CXF credential type, e.g. "credit-card"
    std::string_view member;      // its EditableField member, CXF spelling, e.g. "verificationNumber"
};

inline constexpr TemplateField template_fields[] = {
    {Category::credit_card, "cardholder", "credit-card", "fullName"},
    {Category::credit_card, "type", "credit-card", "cardType"},
    {Category::credit_card, "ccnum", "credit-card", "number"},
    {Category::credit_card, "cvv", "credit-card", "verificationNumber"},
    {Category::credit_card, "pin", "credit-card", "pin"},
    {Category::credit_card, "expiry", "credit-card", "expiryDate"},
    {Category::credit_card, "validFrom", "credit-card", "validFrom"},
    {Category::identity, "firstname", "person-name", "given"},
    {Category::identity, "initial", "person-name", "given2"},
    {Category::identity, "lastname", "person-name", "surname"},
    {Category::database, "username", "basic-auth", "username"},
    {Category::database, "password", "basic-auth", "password"},
    {Category::drivers_license, "fullname", "drivers-license", "fullName"},
    {Category::drivers_license, "birthdate", "drivers-license", "birthDate"},
    {Category::drivers_license, "number", "drivers-license", "licenseNumber"},
    {Category::drivers_license, "class", "drivers-license", "licenseClass"},
    {Category::drivers_license, "state", "drivers-license", "territory"},
    {Category::drivers_license, "country", "drivers-license", "country"},
    {Category::drivers_license, "expiry_date", "drivers-license", "expiryDate"},
    {Category::passport, "type", "passport", "passportType"},
    {Category::passport, "issuing_country", "passport", "issuingCountry"},
    {Category::passport, "number", "passport", "passportNumber"},
    {Category::passport, "fullname", "passport", "fullName"},
    {Category::passport, "sex", "passport", "sex"},
    {Category::passport, "nationality", "passport", "nationality"},
    {Category::passport, "issuing_authority", "passport", "issuingAuthority"},
    {Category::passport, "birthdate", "passport", "birthDate"},
    {Category::passport, "birthplace", "passport", "birthPlace"},
    {Category::passport, "issue_date", "passport", "issueDate"},
    {Category::passport, "expiry_date", "passport", "expiryDate"},
    {Category::social_security_number, "name", "identity-document", "fullName"},
    {Category::social_security_number, "number", "identity-document", "identificationNumber"},
    {Category::wireless_router, "network_name", "wifi", "ssid"},
    {Category::wireless_router, "wireless_security", "wifi", "networkSecurityType"},
    {Category::wireless_router, "wireless_password", "wifi", "passphrase"},
    {Category::server, "username", "basic-auth", "username"},
    {Category::server, "password", "basic-auth", "password"},
    {Category::email_account, "pop_username", "basic-auth", "username"},
    {Category::email_account, "pop_password", "basic-auth", "password"},
    {Category::api_credential, "username", "api-key", "username"},
    {Category::api_credential, "credential", "api-key", "key"},
    {Category::api_credential, "type", "api-key", "keyType"},
    {Category::api_credential, "hostname", "api-key", "url"},
    {Category::api_credential, "validFrom", "api-key", "validFrom"},
    {Category::api_credential, "expires", "api-key", "expiryDate"},
};

constexpr const TemplateField* find_template_field(Category category, std::string_view field_id) noexcept {
    for (const TemplateField& f : template_fields)
        if (f.category == category && f.field_id == field_id) return &f;
    return nullptr;
}

// The template field of `category` that holds the member `member` of a `credential`; null when none does.
constexpr const TemplateField* find_template_field(Category category, std::string_view credential,
                                                   std::string_view member) noexcept {
    for (const TemplateField& f : template_fields)
        if (f.category == category && f.credential == credential && f.member == member) return &f;
    return nullptr;
}

}  // namespace cxf::onepassword
