// SPDX-License-Identifier: MIT
// The small text forms of Bitwarden exports: ids, ISO 8601 dates, passkey credential ids, digits.
// Shared by the Bitwarden JSON importer and exporter (GUID text itself: cxf/bitwarden/guid.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/model/field.h"
#include "cxf/secret.h"

namespace cxf::bitwarden_json {

// Non-empty and only '0' to '9'.
bool all_digits(std::string_view text) noexcept;

// A GUID for any id: its own bytes when it has 16, else 16 bytes of the SHA-256 of the id, so the
// same id always gets the same GUID.
std::string guid_for(ByteView id);

// A passkey credential id as Bitwarden writes it: a GUID whose 16 bytes are the raw id, or "b64."
// followed by the unpadded base64url of the raw id. nullopt when the text is neither.
std::optional<Bytes> parse_credential_id(std::string_view text);
// GUID form for 16-byte ids (what Bitwarden writes for the keys it creates), "b64." form otherwise.
std::string format_credential_id(ByteView raw_id);

}  // namespace cxf::bitwarden_json
