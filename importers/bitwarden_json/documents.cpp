// SPDX-License-Identifier: MIT
// Bitwarden's newer "driversLicense" and "passport" objects (types 7 and 8) → drivers-license or
// passport, with the holder's name as person-name (CXF documents have only a full name).
#include "importers/bitwarden_json/items.h"
#include "importers/bitwarden_json/person.h"

namespace cxf::bitwarden_json {

void read_drivers_license(const json::Cursor& object, Item& item, ItemSource& source) {
    PersonName name;
    DriversLicense license;
    for (const auto m : object.members()) {
        const auto value = source.string_or_null(m.value);
        const auto typed = [&](FieldType type) { return value ? make_field(type, *value) : nullptr; };
        const auto dated = [&] { return typed(date_type(value.value_or(""))); };
        if (m.key == "firstName") name.given = typed(FieldType::string);
        else if (m.key == "middleName") name.given2 = typed(FieldType::string);
        else if (m.key == "lastName") name.surname = typed(FieldType::string);
        else if (m.key == "dateOfBirth") license.birth_date = dated();
        else if (m.key == "licenseNumber") license.license_number = typed(FieldType::string);
        else if (m.key == "issuingCountry") license.country = typed(country_type(value.value_or("")));
        else if (m.key == "issuingState") license.territory = typed(FieldType::string);
        else if (m.key == "issueDate") license.issue_date = dated();
        else if (m.key == "expirationDate") license.expiry_date = dated();
        else if (m.key == "issuingAuthority") license.issuing_authority = typed(FieldType::string);
        else if (m.key == "licenseClass") license.license_class = typed(FieldType::string);
        else source.keep("driversLicense", m);
    }
    if (name.given || name.given2 || name.surname) item.credentials.emplace_back(std::move(name));
    item.credentials.emplace_back(std::move(license));
}

void read_passport(const json::Cursor& object, Item& item, ItemSource& source) {
    PersonName name;
    Passport passport;
    for (const auto m : object.members()) {
        const auto value = source.string_or_null(m.value);
        const auto typed = [&](FieldType type) { return value ? make_field(type, *value) : nullptr; };
        const auto dated = [&] { return typed(date_type(value.value_or(""))); };
        if (m.key == "surname") name.surname = typed(FieldType::string);
        else if (m.key == "givenName") name.given = typed(FieldType::string);
        else if (m.key == "dateOfBirth") passport.birth_date = dated();
        else if (m.key == "sex") passport.sex = typed(FieldType::string);
        else if (m.key == "birthPlace") passport.birth_place = typed(FieldType::string);
        else if (m.key == "nationality") passport.nationality = typed(FieldType::string);
        else if (m.key == "issuingCountry") passport.issuing_country = typed(country_type(value.value_or("")));
        else if (m.key == "passportNumber") passport.passport_number = typed(FieldType::string);
        else if (m.key == "passportType") passport.passport_type = typed(FieldType::string);
        else if (m.key == "nationalIdentificationNumber") passport.national_identification_number = typed(FieldType::string);
        else if (m.key == "issuingAuthority") passport.issuing_authority = typed(FieldType::string);
        else if (m.key == "issueDate") passport.issue_date = dated();
        else if (m.key == "expirationDate") passport.expiry_date = dated();
        else source.keep("passport", m);
    }
    if (name.given || name.surname) item.credentials.emplace_back(std::move(name));
    item.credentials.emplace_back(std::move(passport));
}

}  // namespace cxf::bitwarden_json
