// SPDX-License-Identifier: MIT
// For each credential type, its EditableField members: CXF name, expected fieldType, model member.
// One table serves the CXF reader, the writer, the validator and any exporter that walks fields.
#pragma once

#include <span>
#include <string_view>
#include <type_traits>

#include "cxf/model/credentials.h"

namespace cxf {

template <typename T>
struct FieldMember {
    std::string_view name;   // the CXF member name
    FieldType expected;      // the fieldType the CDDL declares
    Field T::*member;
    bool required = false;
};

namespace detail {
using FT = FieldType;
inline constexpr FieldMember<BasicAuth> basic_auth_members[] = {
    {"username", FT::string, &BasicAuth::username},
    {"password", FT::concealed_string, &BasicAuth::password},
};
inline constexpr FieldMember<Note> note_members[] = {
    {"content", FT::string, &Note::content, true},
};
inline constexpr FieldMember<CreditCard> credit_card_members[] = {
    {"number", FT::concealed_string, &CreditCard::number},
    {"fullName", FT::string, &CreditCard::full_name},
    {"cardType", FT::string, &CreditCard::card_type},
    {"verificationNumber", FT::concealed_string, &CreditCard::verification_number},
    {"pin", FT::concealed_string, &CreditCard::pin},
    {"expiryDate", FT::year_month, &CreditCard::expiry_date},
    {"validFrom", FT::year_month, &CreditCard::valid_from},
};
inline constexpr FieldMember<Address> address_members[] = {
    {"streetAddress", FT::string, &Address::street_address},
    {"postalCode", FT::string, &Address::postal_code},
    {"city", FT::string, &Address::city},
    {"territory", FT::subdivision_code, &Address::territory},
    {"country", FT::country_code, &Address::country},
    {"tel", FT::string, &Address::tel},
};
inline constexpr FieldMember<ApiKey> api_key_members[] = {
    {"key", FT::concealed_string, &ApiKey::key},
    {"username", FT::string, &ApiKey::username},
    {"keyType", FT::string, &ApiKey::key_type},
    {"url", FT::string, &ApiKey::url},
    {"validFrom", FT::date, &ApiKey::valid_from},
    {"expiryDate", FT::date, &ApiKey::expiry_date},
};
inline constexpr FieldMember<DriversLicense> drivers_license_members[] = {
    {"fullName", FT::string, &DriversLicense::full_name},
    {"birthDate", FT::date, &DriversLicense::birth_date},
    {"issueDate", FT::date, &DriversLicense::issue_date},
    {"expiryDate", FT::date, &DriversLicense::expiry_date},
    {"issuingAuthority", FT::string, &DriversLicense::issuing_authority},
    {"territory", FT::subdivision_code, &DriversLicense::territory},
    {"country", FT::country_code, &DriversLicense::country},
    {"licenseNumber", FT::string, &DriversLicense::license_number},
    {"licenseClass", FT::string, &DriversLicense::license_class},
};
inline constexpr FieldMember<IdentityDocument> identity_document_members[] = {
    {"issuingCountry", FT::country_code, &IdentityDocument::issuing_country},
    {"documentNumber", FT::string, &IdentityDocument::document_number},
    {"identificationNumber", FT::string, &IdentityDocument::identification_number},
    {"nationality", FT::string, &IdentityDocument::nationality},
    {"fullName", FT::string, &IdentityDocument::full_name},
    {"birthDate", FT::date, &IdentityDocument::birth_date},
    {"birthPlace", FT::string, &IdentityDocument::birth_place},
    {"sex", FT::string, &IdentityDocument::sex},
    {"issueDate", FT::date, &IdentityDocument::issue_date},
    {"expiryDate", FT::date, &IdentityDocument::expiry_date},
    {"issuingAuthority", FT::string, &IdentityDocument::issuing_authority},
};
inline constexpr FieldMember<Passport> passport_members[] = {
    {"issuingCountry", FT::country_code, &Passport::issuing_country},
    {"passportType", FT::string, &Passport::passport_type},
    {"passportNumber", FT::string, &Passport::passport_number},
    {"nationalIdentificationNumber", FT::string, &Passport::national_identification_number},
    {"nationality", FT::string, &Passport::nationality},
    {"fullName", FT::string, &Passport::full_name},
    {"birthDate", FT::date, &Passport::birth_date},
    {"birthPlace", FT::string, &Passport::birth_place},
    {"sex", FT::string, &Passport::sex},
    {"issueDate", FT::date, &Passport::issue_date},
    {"expiryDate", FT::date, &Passport::expiry_date},
    {"issuingAuthority", FT::string, &Passport::issuing_authority},
};
inline constexpr FieldMember<PersonName> person_name_members[] = {
    {"title", FT::string, &PersonName::title},
    {"given", FT::string, &PersonName::given},
    {"givenInformal", FT::string, &PersonName::given_informal},
    {"given2", FT::string, &PersonName::given2},
    {"surnamePrefix", FT::string, &PersonName::surname_prefix},
    {"surname", FT::string, &PersonName::surname},
    {"surname2", FT::string, &PersonName::surname2},
    {"credentials", FT::string, &PersonName::credentials},
    {"generation", FT::string, &PersonName::generation},
};
inline constexpr FieldMember<SshKey> ssh_key_members[] = {
    {"creationDate", FT::date, &SshKey::creation_date},
    {"expiryDate", FT::date, &SshKey::expiry_date},
    {"keyGenerationSource", FT::string, &SshKey::key_generation_source},
};
inline constexpr FieldMember<Wifi> wifi_members[] = {
    {"ssid", FT::string, &Wifi::ssid},
    {"networkSecurityType", FT::wifi_network_security_type, &Wifi::network_security_type},
    {"passphrase", FT::concealed_string, &Wifi::passphrase},
    {"hidden", FT::boolean, &Wifi::hidden},
};
}  // namespace detail

// The EditableField members of T; empty for types that have none.
template <typename T>
constexpr std::span<const FieldMember<T>> field_members() noexcept {
    using namespace detail;
    if constexpr (std::is_same_v<T, BasicAuth>) return basic_auth_members;
    else if constexpr (std::is_same_v<T, Note>) return note_members;
    else if constexpr (std::is_same_v<T, CreditCard>) return credit_card_members;
    else if constexpr (std::is_same_v<T, Address>) return address_members;
    else if constexpr (std::is_same_v<T, ApiKey>) return api_key_members;
    else if constexpr (std::is_same_v<T, DriversLicense>) return drivers_license_members;
    else if constexpr (std::is_same_v<T, IdentityDocument>) return identity_document_members;
    else if constexpr (std::is_same_v<T, Passport>) return passport_members;
    else if constexpr (std::is_same_v<T, PersonName>) return person_name_members;
    else if constexpr (std::is_same_v<T, SshKey>) return ssh_key_members;
    else if constexpr (std::is_same_v<T, Wifi>) return wifi_members;
    else return {};
}

}  // namespace cxf
