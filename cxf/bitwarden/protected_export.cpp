// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/protected_export.h"

#include <algorithm>

#include "cxf/bitwarden/envelope.h"
#include "cxf/bitwarden/guid.h"
#include "cxf/bitwarden/kdf.h"
#include "cxf/bitwarden/names.h"
#include "cxf/bitwarden/primitives.h"
#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/tape.h"

namespace cxf::bitwarden {

namespace {

constexpr std::size_t salt_size = 16;

bool is_true(const json::Cursor& root, std::string_view key) {
    const std::optional<json::Cursor> value = root.find(key);
    return value && value->is(json::Kind::boolean) && value->boolean();
}

// Lowercase version 4 GUID text, as Bitwarden's Utils.newGuid() makes for the validation field.
std::string random_guid() {
    crypto::SecureBytes bytes = crypto::random_bytes(guid_bytes);
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);
    return format_guid(bytes);
}

// Bitwarden's importer refuses a missing or whitespace-only password before trying it.
void check_password(const crypto::Secret& password) {
    const std::string_view text = password.view();
    if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }))
        throw Error(Errc::usage, {"", "password"}, "Bitwarden cannot import an export whose password is empty or only spaces");
}

}  // namespace

Envelope envelope_kind(const json::Cursor& root) {
    if (!is_true(root, "encrypted")) return Envelope::plain;
    return is_true(root, "passwordProtected") ? Envelope::password_protected : Envelope::account_restricted;
}

Limits parse_limits(const Limits& limits) {
    Limits out = limits;
    out.max_string_bytes = std::max(limits.max_string_bytes, limits.max_input_bytes);
    return out;
}

crypto::SecureBytes decrypt_export(const json::Cursor& root, const std::string& file, const crypto::Secret& password,
                                   const Limits& limits) {
    switch (envelope_kind(root)) {
        case Envelope::plain:
            throw Error(Errc::usage, {file, ""}, "this Bitwarden export is not encrypted: it needs no password");
        case Envelope::account_restricted:
            throw Error(Errc::unsupported, {file, ""},
                        "this is an account-restricted Bitwarden export: it can only be opened by the Bitwarden account "
                        "that made it; export again as \"password protected\" or plain JSON");
        case Envelope::password_protected: break;
    }

    const PasswordEnvelope envelope = read_envelope(root, file, limits);
    const SymmetricKey key = derive_export_key(password, envelope.salt, envelope.kdf);
    // B.3: the validation field's MAC proves the password before the data is touched, so a mismatch on
    // the data afterwards is damage, not a wrong password.
    if (!envelope.validation.authentic(key))
        throw Error(Errc::wrong_password, {file, "/encKeyValidation_DO_NOT_EDIT"},
                    "wrong password (the MAC of the password check does not match)");
    return envelope.data.decrypt(key, {file, "/data"});
}

crypto::SecureBytes decrypt_export(std::string_view envelope_json, const std::string& file,
                                   const crypto::Secret& password, const Limits& limits) {
    json::Tape tape;
    tape.names = member_names;
    json::parse(envelope_json, file, parse_limits(limits), tape);
    const std::string document;
    return decrypt_export(json::Cursor(tape, 0, document), file, password, limits);
}

crypto::Secret encrypt_export(ByteView plain_json, const crypto::Secret& password, const KdfParams& kdf) {
    check_password(password);
    check_importable(kdf);
    std::string salt = encoding::base64_encode(crypto::random_bytes(salt_size));
    const SymmetricKey key = derive_export_key(password, salt, kdf);
    return write_envelope({std::move(salt), kdf, EncString::encrypt(as_bytes(random_guid()), key),
                           EncString::encrypt(plain_json, key)});
}

}  // namespace cxf::bitwarden
