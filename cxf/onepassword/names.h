// SPDX-License-Identifier: MIT
// The member names of 1PUX's export.attributes and export.data (JSON pointers show other keys by
// position: json::Tape::names), value kinds included.
#pragma once

#include <string_view>

namespace cxf::onepassword {

inline constexpr std::string_view member_names[] = {
    "accountName", "accounts", "address", "attrs", "avatar", "capitalization", "categoryUuid", "city",
    "clipboardFilter", "compromised", "concealed", "correction", "country", "createdAt", "creditCardNumber", "creditCardType",
    "credentialId", "date", "decryptedSize", "description", "designation", "desc", "details", "documentAttributes",
    "documentId", "domain", "dontGenerate", "email", "email_address", "expiring", "favIndex", "fieldType",
    "fields", "file", "fileName", "fingerprint", "gender", "guarded", "hideAddAnotherField", "htmlForm",
    "icons", "id", "inactiveMfa", "indexAtSource", "inputTraits", "item", "items", "keyType",
    "keyboard", "label", "loginFields", "menu", "metadata", "monthYear", "multiline", "name",
    "notesPlain", "overview", "passkey", "passkeys", "password", "passwordHistory", "pbe", "pgrng",
    "phone", "placeholder", "privateKey", "provider", "ps", "publicKey", "reference", "reused",
    "rpId", "sections", "sshKey", "state", "street", "string", "subtitle", "tags",
    "time", "timestamp", "title", "totp", "trashed", "type", "unsecured", "updatedAt",
    "url", "urls", "userHandle", "uuid", "value", "vaults", "version", "vulnerable",
    "watchtowerExclusions", "weak", "zip",
};

}  // namespace cxf::onepassword
