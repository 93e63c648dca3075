// SPDX-License-Identifier: MIT
// A KDBX entry → an item (and its history → Item::history).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cxf/kdbx/database.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "importers/kdbx/extension.h"
#include "importers/kdbx/strings.h"

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

struct EntryContext {
    const kdbx::Meta& meta;
    const std::vector<kdbx::Binary>& pool;
    bool canonical_pool;  // attachments sit in the pool in the order cxf writes them
    Report& report;
};

struct EntryReading {
    Item item;
    std::optional<std::size_t> position;  // where cxf wrote it among its account's items
};

// `place` is the entry's path ("/Group/Title") for the report.
// `fresh_uuid` stands in for the entry's UUID (and its history's) in the ids it gets.
EntryReading read_entry(const kdbx::Entry& entry, const EntryContext& context, const std::string& place,
                        const std::optional<kdbx::Uuid>& fresh_uuid = std::nullopt);

// Whether a standard string is protected under `meta` (KeePass: MemoryProtection decides).
bool standard_protect(const kdbx::Meta& meta, std::string_view key) noexcept;

// An entry holding only the members the model has no place for (no strings, attachments, history).
kdbx::Entry entry_members(const kdbx::Entry& entry);

}  // namespace cxf::kdbx_map
