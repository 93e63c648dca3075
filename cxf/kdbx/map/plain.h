// SPDX-License-Identifier: MIT
// The plain mapping of an entry's strings to credentials, read the same way by the importer and by the
// exporter (which checks that what it writes reads back).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/kdbx/database.h"
#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/strings.h"
#include "cxf/model/vault.h"

namespace cxf::kdbx_map {

// What the plain mapping makes of an entry's strings not used yet: basic-auth (UserName, Password),
// passkey, TOTP, note (Notes) and one custom-fields credential for the rest, in that order.
struct PlainReading {
    std::vector<Credential> credentials;
    std::optional<PasskeySpelling> passkey;
    std::vector<TotpPart> totp_parts;  // the TOTP's spelling, when cxf would write it otherwise
    std::vector<StringSlot> written;  // the non-standard strings used, in the order cxf writes them
    std::vector<std::string> problems;
};
PlainReading read_plain(StringTable& strings);

// Appends each field's key and protection.
void add_slots(std::vector<StringSlot>& slots, const std::vector<kdbx::StringField>& fields);

// Whether a standard string is protected under `meta` (KeePass: MemoryProtection decides).
bool standard_protect(const kdbx::Meta& meta, std::string_view key) noexcept;

// An entry holding only the members the model has no place for (no strings, attachments, history).
kdbx::Entry entry_members(const kdbx::Entry& entry);

}  // namespace cxf::kdbx_map
