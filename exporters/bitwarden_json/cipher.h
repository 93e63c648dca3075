// SPDX-License-Identifier: MIT
// An item as Bitwarden ciphers. Bitwarden writes custom fields before the type's object, but the
// type's mapping decides some of those fields, so what goes where is planned first (plan.cpp) and
// written after (cipher.cpp and one file per type object).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cxf/bitwarden/map/extension.h"
#include "cxf/bitwarden/map/items.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "exporters/bitwarden_json/members.h"

namespace cxf::bitwarden_json {

// A custom field to write: from a custom-fields credential, from a member Bitwarden's type has no
// place for, or kept verbatim by the importer (linked fields) at its original position.
struct OutField {
    std::optional<std::string> name;
    crypto::Secret value;
    std::int64_t type = 0;  // 0 text, 1 hidden, 2 boolean
    std::optional<json::Cursor> kept;
};

struct Cipher {
    Cipher(const Item& source, const ExtensionView& extension, std::string item_place, std::int64_t cipher_type)
        : item(source), ext(extension), place(std::move(item_place)), type(cipher_type) {}

    const Item& item;
    const ExtensionView& ext;  // the item's, for the item's first cipher; empty for the others
    const std::string place;   // "/accounts/A/items/I"
    const std::int64_t type;
    bool primary = true;       // holds the notes, custom fields and history of the item
    std::string id;            // GUID text

    const BasicAuth* auth = nullptr;
    const Totp* totp = nullptr;
    std::vector<const Passkey*> passkeys;
    const CreditCard* card = nullptr;
    const PersonName* name = nullptr;
    const Address* address = nullptr;
    const IdentityDocument* document = nullptr;
    const Passport* passport = nullptr;
    const DriversLicense* license = nullptr;
    const SshKey* ssh_key = nullptr;
    const CustomFields* identity_extras = nullptr;
    const CustomFields* bank_account = nullptr;
    std::optional<crypto::Secret> notes;
    std::vector<OutField> fields;
};

// A Bitwarden cipher has one type; a CXF item may hold a login, cards, identity papers and SSH
// keys at once. Each kind becomes its own cipher with the item's title (the first holds the notes,
// custom fields and history); credentials no Bitwarden type holds become custom fields of the
// first (reported lost as typed credentials) or, with nothing to show, are reported lost.
std::vector<std::unique_ptr<Cipher>> plan(const Item& item, const ExtensionView& ext, const std::string& place,
                                          Report& report);

// Where the cipher is filed and what the export says about it.
struct Filing {
    std::optional<std::string> folder_id;
    std::optional<std::vector<std::string>> collection_ids;  // organisation layout
    std::optional<std::string> organization_id;
    Timestamp now = 0;
};

void write_cipher(json::Builder& out, const Cipher& cipher, const Filing& filing, Report& report);

// The type objects, in the member order Bitwarden's export models use.
void write_login(json::Builder& out, const Cipher& cipher, Timestamp now, Report& report);
void write_card(json::Builder& out, const Cipher& cipher);
void write_identity(json::Builder& out, const Cipher& cipher);
void write_ssh_key(json::Builder& out, const Cipher& cipher);
void write_bank_account(json::Builder& out, const Cipher& cipher);
void write_drivers_license(json::Builder& out, const Cipher& cipher);
void write_passport(json::Builder& out, const Cipher& cipher);

// Member `key` of a Bitwarden object held in a custom-fields credential (identity_extras,
// bank_account_object): the value of the field labelled `key`, or null.
void labelled_member(json::Builder& out, std::string_view key, const CustomFields* fields);

// Writes the members the importer kept under `object` in the extension, except `handled` ones.
void write_kept_members(json::Builder& out, const Cipher& cipher, std::string_view object,
                        std::initializer_list<std::string_view> handled = {});

// The original spelling of a value kept by the importer, if `agrees` says it still means the model's value.
template <typename Agrees>
std::optional<std::string_view> spelling(const ExtensionView& ext, std::string_view key, Agrees agrees) {
    const auto all = ext.find("spelling");
    if (!all) return std::nullopt;
    const auto kept = all->find(key);
    if (!kept || !kept->is_string() || !agrees(kept->string())) return std::nullopt;
    return kept->string();
}

// A date as Bitwarden writes it, in the spelling the importer kept when it still agrees.
std::string iso_date(const ExtensionView& ext, std::string_view key, Timestamp seconds);

// The item's URLs and Android apps (as androidapp:// URIs), as Bitwarden login URIs; an app's
// certificate and name are reported lost.
std::vector<std::string> scope_uris(const Item& item, const std::string& place, Report& report);
// The URI list the importer kept (Bitwarden's login.uris, match settings included), while it still
// names the same URIs as `uris`.
std::optional<json::Cursor> kept_uris(const std::vector<std::string>& uris, const ExtensionView& ext);
// The non-empty URIs of such a list, in order.
std::vector<std::string_view> uri_texts(const json::Cursor& list);

// A login's TOTP text: the importer's spelling when it still means the same TOTP, a bare secret
// when the defaults hold, else an otpauth:// URI. With no TOTP, a text the importer could not
// read (a Steam code) when there was one.
std::optional<crypto::Secret> totp_text(const Totp* totp, const ExtensionView& ext);

}  // namespace cxf::bitwarden_json
