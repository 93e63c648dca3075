// SPDX-License-Identifier: MIT
// How Bitwarden items are spelled, shared by the importers and exporters of Bitwarden JSON and CSV:
// cipher types, the objects CXF has no type for, and Android app URIs.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "cxf/model/vault.h"

namespace cxf::bitwarden_json {

// Bitwarden's cipher types (vault/enums/cipher-type.ts).
enum class CipherType : std::int64_t {
    login = 1,
    secure_note = 2,
    card = 3,
    identity = 4,
    ssh_key = 5,
    bank_account = 6,
    drivers_license = 7,
    passport = 8,
};

// Markers on custom-fields credentials that hold a Bitwarden object CXF has no type for.
inline constexpr std::string_view identity_extras = "identity";
inline constexpr std::string_view bank_account_object = "bankAccount";

// A member of such an object, and the type of the field it becomes.
struct ObjectMember {
    std::string_view name;
    FieldType type;
};

// The identity members CXF has no place for, and the whole "bankAccount" object (type 6), in the
// order Bitwarden writes them.
inline constexpr ObjectMember identity_extra_members[] = {
    {"company", FieldType::string}, {"email", FieldType::email}, {"username", FieldType::string}};
inline constexpr ObjectMember bank_account_members[] = {
    {"bankName", FieldType::string},       {"nameOnAccount", FieldType::string},
    {"accountType", FieldType::string},    {"accountNumber", FieldType::concealed_string},
    {"routingNumber", FieldType::string},  {"branchNumber", FieldType::string},
    {"pin", FieldType::concealed_string},  {"swiftCode", FieldType::string},
    {"iban", FieldType::concealed_string}, {"bankContactPhone", FieldType::string},
};

// The member of `members` named `name`; null when there is none.
const ObjectMember* find_member(std::span<const ObjectMember> members, std::string_view name) noexcept;

// A custom-fields credential holding a Bitwarden object (identity_extras, bank_account_object),
// its fields labelled with the object's member names.
CustomFields object_fields(std::string_view object);
void add_labelled(CustomFields& fields, std::string_view label, FieldType type, std::string_view value);

// Bitwarden's mobile apps save Android apps as login URIs with this scheme.
inline constexpr std::string_view android_scheme = "androidapp://";

}  // namespace cxf::bitwarden_json
