// SPDX-License-Identifier: MIT
// The 17 CXF 1.0 credential types, one struct each, plus UnknownCredential for any other type.
#pragma once

#include "cxf/export.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cxf/model/field.h"

namespace cxf {

// Members are named as in the CXF CDDL (snake_case here). Every `Field` is an optional
// EditableField; its expected fieldType is in cxf/model/credential_fields.h.

struct BasicAuth {
    static constexpr std::string_view type_name = "basic-auth";
    Field username, password;
};

struct HmacCredentials {
    std::string algorithm = "hmac-sha256";  // open enum
    crypto::SecureBytes cred_with_uv, cred_without_uv;
};

struct LargeBlob {
    std::uint64_t uncompressed_size = 0;
    Bytes data;  // the compressed large-blob bytes
};

struct Fido2Extensions {
    std::optional<HmacCredentials> hmac_credentials;
    std::optional<crypto::SecureBytes> cred_blob;
    std::optional<LargeBlob> large_blob;
    std::optional<bool> payments;
};

struct Passkey {
    static constexpr std::string_view type_name = "passkey";
    Bytes credential_id;       // raw WebAuthn rawId
    std::string rp_id;
    std::string username;
    std::string user_display_name;
    Bytes user_handle;         // raw user.id
    crypto::SecureBytes key;   // PKCS#8 DER private key
    std::unique_ptr<Fido2Extensions> fido2_extensions;
};

struct Totp {
    static constexpr std::string_view type_name = "totp";
    crypto::Secret secret;     // Base32 text (RFC 4648 §6), as given
    std::uint16_t period = 30;
    std::uint16_t digits = 6;
    std::optional<std::string> username;
    std::string algorithm = "sha1";  // "sha1" | "sha256" | "sha512" | other: importers must ignore the TOTP
    std::optional<std::string> issuer;

    bool algorithm_known() const noexcept {
        return algorithm == "sha1" || algorithm == "sha256" || algorithm == "sha512";
    }
};

struct Note {
    static constexpr std::string_view type_name = "note";
    Field content;  // required by CXF
};

// An attachment. CXF JSON carries only its description; `data` holds the bytes when the source had
// them (KDBX, 1PUX, a CXP archive), so formats that can store them do.
struct File {
    static constexpr std::string_view type_name = "file";
    Id id;
    std::string name;
    std::uint64_t decrypted_size = 0;
    Bytes integrity_hash;  // SHA-256 of the bytes
    std::optional<crypto::SecureBytes> data;
};

struct CreditCard {
    static constexpr std::string_view type_name = "credit-card";
    Field number, full_name, card_type, verification_number, pin, expiry_date, valid_from;
};

struct Address {
    static constexpr std::string_view type_name = "address";
    Field street_address, postal_code, city, territory, country, tel;
};

struct ApiKey {
    static constexpr std::string_view type_name = "api-key";
    Field key, username, key_type, url, valid_from, expiry_date;
};

struct CustomFields {
    static constexpr std::string_view type_name = "custom-fields";
    Id id;
    std::optional<std::string> label;
    std::vector<EditableField> fields;
    std::vector<Extension> extensions;
};

struct DriversLicense {
    static constexpr std::string_view type_name = "drivers-license";
    Field full_name, birth_date, issue_date, expiry_date, issuing_authority, territory, country,
        license_number, license_class;
};

struct GeneratedPassword {
    static constexpr std::string_view type_name = "generated-password";
    crypto::Secret password;
};

struct IdentityDocument {
    static constexpr std::string_view type_name = "identity-document";
    Field issuing_country, document_number, identification_number, nationality, full_name, birth_date,
        birth_place, sex, issue_date, expiry_date, issuing_authority;
};

struct LinkedItem {
    Id item;
    std::optional<Id> account;  // absent: the current account
};

struct ItemReference {
    static constexpr std::string_view type_name = "item-reference";
    LinkedItem reference;
};

struct Passport {
    static constexpr std::string_view type_name = "passport";
    Field issuing_country, passport_type, passport_number, national_identification_number, nationality,
        full_name, birth_date, birth_place, sex, issue_date, expiry_date, issuing_authority;
};

struct PersonName {
    static constexpr std::string_view type_name = "person-name";
    Field title, given, given_informal, given2, surname_prefix, surname, surname2, credentials, generation;
};

struct SshKey {
    static constexpr std::string_view type_name = "ssh-key";
    std::string key_type;              // IANA SSH public key algorithm name, e.g. "ssh-ed25519"
    crypto::SecureBytes private_key;   // PKCS#8 DER
    std::optional<std::string> key_comment;
    Field creation_date, expiry_date, key_generation_source;
};

struct Wifi {
    static constexpr std::string_view type_name = "wifi";
    Field ssid, network_security_type, passphrase, hidden;
};

// A credential type this version does not know: its whole JSON object, so it round-trips through
// CXF and is reported as lost by any other writer.
struct UnknownCredential {
    std::string type;
    crypto::Secret json;
};

using Credential = std::variant<BasicAuth, Passkey, Totp, Note, File, CreditCard, Address, ApiKey, CustomFields,
                                DriversLicense, GeneratedPassword, IdentityDocument, ItemReference, Passport,
                                PersonName, SshKey, Wifi, UnknownCredential>;

// The CXF `type` string of a credential ("basic-auth", …; the given type for an unknown one).
CXF_API std::string_view credential_type(const Credential& credential) noexcept;

// The 17 known type names, in the order of the variant.
CXF_API std::span<const std::string_view> known_credential_types() noexcept;

}  // namespace cxf
