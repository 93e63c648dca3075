// SPDX-License-Identifier: MIT
// The members of a password-protected export and their JSON form (format notes B.3).
#pragma once

#include <string>

#include "cxf/bitwarden/enc_string.h"
#include "cxf/bitwarden/protected_export.h"
#include "cxf/json/cursor.h"
#include "cxf/limits.h"

namespace cxf::bitwarden {

struct PasswordEnvelope {
    std::string salt;  // base64 text, used as the KDF salt as it is written (never decoded)
    KdfParams kdf;
    EncString validation;  // encKeyValidation_DO_NOT_EDIT: a random GUID, there only for its MAC
    EncString data;        // the plain export JSON
};

// Reads the members of a password-protected root object. Throws Errc::malformed (with the JSON pointer)
// for a missing or mistyped member, Errc::unsupported for an unknown kdfType, Errc::limit_exceeded for
// KDF costs over `limits`.
PasswordEnvelope read_envelope(const json::Cursor& root, const std::string& file, const Limits& limits);

// Pretty-printed with two-space indents and members in the order Bitwarden's clients write them.
crypto::Secret write_envelope(const PasswordEnvelope& envelope);

}  // namespace cxf::bitwarden
