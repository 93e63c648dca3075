// SPDX-License-Identifier: MIT
// The export key: the password through the account's KDF, stretched into an AES key and a MAC key.
#pragma once

#include <string_view>

#include "cxf/bitwarden/enc_string.h"
#include "cxf/bitwarden/protected_export.h"

namespace cxf::bitwarden {

// `salt` is the envelope's salt text as written. Cost limits are the caller's to check first.
SymmetricKey derive_export_key(const crypto::Secret& password, std::string_view salt, const KdfParams& kdf);

// Throws Errc::usage unless Bitwarden's importer accepts these parameters.
void check_importable(const KdfParams& kdf);

}  // namespace cxf::bitwarden
