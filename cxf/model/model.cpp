// SPDX-License-Identifier: MIT
#include <array>

#include "cxf/model/vault.h"

namespace cxf {

namespace {
constexpr std::array<std::string_view, 10> field_type_names = {
    "string", "concealed-string", "email", "number", "boolean", "date", "year-month",
    "wifi-network-security-type", "country-code", "subdivision-code",
};

constexpr std::array<std::string_view, 17> credential_type_names = {
    BasicAuth::type_name, Passkey::type_name, Totp::type_name, Note::type_name, File::type_name,
    CreditCard::type_name, Address::type_name, ApiKey::type_name, CustomFields::type_name,
    DriversLicense::type_name, GeneratedPassword::type_name, IdentityDocument::type_name,
    ItemReference::type_name, Passport::type_name, PersonName::type_name, SshKey::type_name, Wifi::type_name,
};
}  // namespace

std::string_view field_type_name(FieldType type) noexcept {
    const auto index = static_cast<std::size_t>(type);
    return index < field_type_names.size() ? field_type_names[index] : std::string_view("other");
}

std::optional<FieldType> parse_field_type(std::string_view text) noexcept {
    for (std::size_t i = 0; i < field_type_names.size(); ++i)
        if (field_type_names[i] == text) return static_cast<FieldType>(i);
    return std::nullopt;
}

std::string_view EditableField::type_name() const noexcept {
    return type == FieldType::other ? std::string_view(other_type) : field_type_name(type);
}

std::string_view extension_name(const Extension& extension) {
    if (const auto* raw = std::get_if<RawExtension>(&extension)) return raw->name;
    return SharedExtension::name;
}

std::string_view credential_type(const Credential& credential) noexcept {
    if (const auto* unknown = std::get_if<UnknownCredential>(&credential)) return unknown->type;
    return credential_type_names[credential.index()];
}

std::span<const std::string_view> known_credential_types() noexcept { return credential_type_names; }

}  // namespace cxf
