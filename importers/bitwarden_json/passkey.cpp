// SPDX-License-Identifier: MIT
// Bitwarden "fido2Credentials" entry → cxf::Passkey. Every value is a string in the export, even
// the counter and discoverable; what CXF has no member for is kept in the item's extension, keyed
// by the credential id as written.
#include "cxf/bitwarden/map/codec.h"
#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

// What Bitwarden writes for every passkey it creates; anything else is kept.
bool is_default(std::string_view key, std::string_view value) {
    return (key == "keyType" && value == "public-key") || (key == "keyAlgorithm" && value == "ECDSA") ||
           (key == "keyCurve" && value == "P-256");
}

}  // namespace

Passkey read_passkey(const json::Cursor& credential, ItemSource& source) {
    if (!source.object_or_null(credential)) source.fail(credential, "expected a passkey object");
    Passkey passkey;
    ExtensionBuilder kept{extension_name};
    bool has_id = false, has_key = false;
    for (const auto m : credential.members()) {
        const auto value = source.string_or_null(m.value);
        if (m.key == "credentialId") {
            if (!value) source.fail(m.value, "a passkey needs a credentialId");
            auto id = parse_credential_id(*value);
            if (!id) source.fail(m.value, "credentialId is neither a GUID nor \"b64.\" and base64url");
            passkey.credential_id = std::move(*id);
            has_id = true;
            kept.set_string("credentialId", *value);
        } else if (m.key == "keyValue") {
            if (!value) source.fail(m.value, "a passkey needs a keyValue");
            auto der = encoding::base64url_decode_secure(*value);
            if (!der) source.fail(m.value, "keyValue is not base64url");
            if (!crypto::inspect_pkcs8(*der)) source.fail(m.value, "keyValue is not a PKCS#8 private key");
            passkey.key = std::move(*der);
            has_key = true;
        } else if (m.key == "rpId") {
            passkey.rp_id = std::string(value.value_or(""));
        } else if (m.key == "userHandle") {
            if (!value) kept.set("userHandle", json_null());
            else if (auto handle = encoding::base64url_decode(*value)) passkey.user_handle = std::move(*handle);
            else source.fail(m.value, "userHandle is not base64url");
        } else if (m.key == "userName") {
            if (value) passkey.username = std::string(*value);
            else kept.set("userName", json_null());
        } else if (m.key == "userDisplayName") {
            if (value) passkey.user_display_name = std::string(*value);
            else kept.set("userDisplayName", json_null());
        } else if (m.key == "counter") {
            if (value && *value != "0") {
                kept.set_string("counter", *value);
                source.report().changed(m.value.pointer(),
                                        "passkey signature counter reset to 0 as CXF asks of importers; the original is "
                                        "kept in cxf.local/bitwarden",
                                        "passkey");
            }
        } else if (value && is_default(m.key, *value)) {
            continue;
        } else {
            kept.set(m.key, json::to_json(m.value));  // rpName, discoverable, creationDate, other key types
        }
    }
    if (!has_id) source.fail(credential, "a passkey needs a credentialId");
    if (!has_key) source.fail(credential, "a passkey needs a keyValue");
    source.extension().append("passkeys", kept.json_object());
    return passkey;
}

}  // namespace cxf::bitwarden_json
