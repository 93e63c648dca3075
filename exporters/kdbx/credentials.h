// SPDX-License-Identifier: MIT
// Credentials → entry attributes and attachments a KeePass user can see and use, plus their layout
// (importers/kdbx/layout.h) so that cxf reads back exactly these credentials.
#pragma once

#include <string>
#include <vector>

#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/json.h"
#include "cxf/model/vault.h"
#include "exporters/kdbx/attributes.h"
#include "exporters/kdbx/context.h"

namespace cxf::kdbx_map {

struct CredentialTarget {
    Attributes& attributes;
    std::vector<kdbx::BinaryRef>& binaries;
    json::Builder& layout;  // inside the layout's "credentials" array
    Staging& staging;
    const EntryExtras& extras;
    // The plain mapping is being tried: the first TOTP keeps the spelling the file had.
    bool plain;
};

class CredentialWriter {
public:
    explicit CredentialWriter(CredentialTarget target) : t_(target) {}

    // Reserves the exact keys the item's first passkey and first TOTP will take (and keeps their
    // attributes for write).
    void reserve(const Item& item);
    // False for a credential type KDBX cannot hold (an unknown type).
    bool write(const Credential& credential);

private:
    void basic_auth(const BasicAuth& c);
    void note(const Note& c);
    void totp(const Totp& c);
    void passkey(const Passkey& c);
    void file(const File& c);
    void custom_fields(const CustomFields& c);
    void generated_password(const GeneratedPassword& c);
    void item_reference(const ItemReference& c);
    void ssh_key(const SshKey& c);
    void opaque(const UnknownCredential& c);
    template <typename T>
    void fields_of(const T& c, std::string_view prefix);

    // The member `member` of the layout object: a reference to the attribute `key` holding `field`.
    void field_ref(std::string_view member, const std::string& key, const EditableField& field, std::optional<FieldType> expected);
    std::string add_field(std::string_view wanted, const EditableField& field);
    std::vector<kdbx::StringField> first_totp_attributes(const Totp& c) const;
    const PasskeySpelling& first_passkey_spelling() const;

    CredentialTarget t_;
    std::vector<kdbx::StringField> first_passkey_, first_totp_;  // from reserve, until written
    bool had_basic_auth_ = false, had_note_ = false, had_totp_ = false, had_passkey_ = false;
};

}  // namespace cxf::kdbx_map
