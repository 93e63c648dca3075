// SPDX-License-Identifier: MIT
// Bitwarden's password-protected JSON export: telling the kinds of export apart, opening one, writing one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cxf/json/cursor.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::bitwarden {

// The account's KDF settings, which Bitwarden also uses for the export key.
struct KdfParams {
    enum class Type { pbkdf2_sha256 = 0, argon2id = 1 };
    Type type = Type::pbkdf2_sha256;
    std::uint32_t iterations = 600000;
    std::uint32_t memory_mib = 64;   // Argon2id only
    std::uint32_t parallelism = 4;   // Argon2id only
};

enum class Envelope { plain, password_protected, account_restricted };

// What kind of Bitwarden JSON export the parsed root object is: "encrypted" and "passwordProtected" both
// true, "encrypted" true alone (sealed with the account's own key), or neither (very old exports have no
// "encrypted" member at all).
Envelope envelope_kind(const json::Cursor& root);

// The limits to parse any Bitwarden JSON export with, before its kind is known: "data" of a
// password-protected export holds the whole encrypted export in one string, so a string may be as long
// as the input. A plain export's strings are for the caller to hold to `limits` itself.
Limits parse_limits(const Limits& limits);

// Decrypts a password-protected export, its root object already parsed, to the plain export JSON it
// holds. Throws cxf::Error: wrong_password when the validation field's MAC fails (checked before
// anything is decrypted), integrity when the data MAC fails, malformed for a bad envelope or EncString
// (with its JSON pointer), limit_exceeded for KDF parameters over the caps (checked before running the
// KDF), unsupported for an account-restricted export, usage for an export that is not encrypted.
crypto::SecureBytes decrypt_export(const json::Cursor& root, const std::string& file, const crypto::Secret& password,
                                   const Limits& limits);
// The same from the export's text, parsed with parse_limits(limits).
crypto::SecureBytes decrypt_export(std::string_view envelope_json, const std::string& file,
                                   const crypto::Secret& password, const Limits& limits);

// Encrypts a plain export JSON into a password-protected envelope with a fresh random salt and IVs,
// written as Bitwarden's clients write it. Throws Errc::usage for a password or KDF parameters that
// Bitwarden would refuse to import.
crypto::Secret encrypt_export(ByteView plain_json, const crypto::Secret& password, const KdfParams& kdf);

}  // namespace cxf::bitwarden
