// SPDX-License-Identifier: MIT
// The small text forms of Bitwarden exports: GUIDs, ISO 8601 dates, passkey credential ids.
// Shared by the Bitwarden JSON importer and exporter.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/crypto/secret.h"
#include "cxf/model/field.h"

namespace cxf::bitwarden_json {

// "a2e10494-af23-400c-8146-23234e1830ed" → its 16 bytes in textual order (either case); nullopt
// when the text is not exactly 8-4-4-4-12 hex digits.
std::optional<Bytes> parse_guid(std::string_view text);

// Lowercase 8-4-4-4-12 text of 16 bytes.
std::string format_guid(ByteView bytes);

// A GUID for any id: its own bytes when it has 16, else 16 bytes of the SHA-256 of the id, so the
// same id always gets the same GUID.
std::string guid_for(ByteView id);

// A passkey credential id as Bitwarden writes it: a GUID whose 16 bytes are the raw id, or "b64."
// followed by the unpadded base64url of the raw id. nullopt when the text is neither.
std::optional<Bytes> parse_credential_id(std::string_view text);
// GUID form for 16-byte ids (what Bitwarden writes for the keys it creates), "b64." form otherwise.
std::string format_credential_id(ByteView raw_id);

struct IsoTime {
    Timestamp seconds = 0;
    int millis = 0;
};

// "2024-06-01T09:00:00.000Z" and the other RFC 3339 shapes (any fraction, a numeric offset).
std::optional<IsoTime> parse_iso(std::string_view text);

// "2024-06-01T09:00:00.000Z", as JavaScript's Date.toISOString() writes it.
std::string format_iso(Timestamp seconds, int millis = 0);

}  // namespace cxf::bitwarden_json
