// SPDX-License-Identifier: MIT
// The "cxf.local/kdbx" extension of an item: the entry members the model has no place for
// (kdbx_json.h) plus how the entry spelled what the model holds (string order and protection, URL
// keys, TOTP and passkey attributes, pool indices), so that KDBX → model → KDBX writes the entry back
// as it was. Each member is written only where it differs from what cxf writes for a new entry.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cxf/json/extension.h"
#include "cxf/kdbx/database.h"
#include "cxf/kdbx/map/json.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::kdbx_map {

struct StringSlot {
    std::string key;
    bool protect = false;
    bool operator==(const StringSlot&) const = default;
};

// One attribute of a TOTP as the file spelled it: a setting's text, or the secret (encoded as
// `encoding`: "text" as given, "uri" percent-encoded, "hex", "HEX", "base64" or "utf8") between
// `before` and `after`.
struct TotpPart {
    std::string key;
    std::string encoding;  // empty: a setting
    std::string before, after;
    std::string value;
    bool operator==(const TotpPart&) const = default;
};

// How a passkey's attributes were spelled, where that differs from what cxf writes.
struct PasskeySpelling {
    std::vector<std::string> credential_id_keys;
    std::vector<std::string> username_keys;
    std::vector<std::pair<std::string, std::string>> flags;
    std::optional<crypto::Secret> pem;  // the key as the file had it, when not the canonical PEM
    std::optional<std::string> credential_id_text, user_handle_text;

    // What cxf writes for a passkey: the current names, and both flags set (kdbx.md §3.1).
    static PasskeySpelling fresh();
};

struct EntryExtras {
    std::optional<std::vector<StringSlot>> strings;  // every string's key and protection, in file order
    std::optional<std::vector<std::string>> url_keys;
    std::optional<std::vector<std::string>> app_keys;
    std::optional<std::vector<std::string>> app_prefixes;
    std::optional<std::vector<TotpPart>> totp;
    std::optional<PasskeySpelling> passkey;
    std::optional<std::vector<std::size_t>> binaries;  // pool index of each attachment
    // The entry's dates where the item has none (cxf dated an undated item when it wrote it).
    std::optional<kdbx::Time> creation, modification;
};

// The extension JSON of an entry (members and extras); empty when there is nothing to keep.
crypto::Secret entry_extension(const kdbx::Entry& entry, const EntryExtras& extras);

// Gives an item read with entry_extension (without extras.binaries) the pool index of each of its
// attachments, as entry_extension would have written them: used once the whole file is read, when
// it is known whether the pool is in cxf's order.
void add_pool_indices(std::vector<Extension>& extensions, const std::vector<std::size_t>& indices);

// The extensions from other formats that `data` carries (CXF_EXTENSIONS); a damaged list is reported
// (at `place`) and read as far as it goes.
std::vector<Extension> carried_extensions(const kdbx::CustomData& data, const std::string& place, Report& report);

// Puts every extension but cxf.local/kdbx into `data` as CXF_EXTENSIONS; nothing when there is none.
void carry_extensions(const std::vector<Extension>& extensions, kdbx::CustomData& data);

// Reads an item's extension into `entry` and returns its extras; the entry's creation and
// modification times are the item's, else those kept in the extension, else `now`. Without an
// extension, `entry` gets fresh members.
EntryExtras read_entry_extension(const RawExtension* extension, kdbx::Entry& entry, std::optional<Timestamp> creation,
                                 std::optional<Timestamp> modification, kdbx::Time now);

}  // namespace cxf::kdbx_map
