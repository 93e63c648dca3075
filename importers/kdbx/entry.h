// SPDX-License-Identifier: MIT
// A KDBX entry → an item (and its history → Item::history).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cxf/kdbx/database.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::kdbx_map {

struct EntryContext {
    const kdbx::Meta& meta;
    const std::vector<kdbx::Binary>& pool;
    Report& report;
};

struct EntryReading {
    Item item;
    std::optional<std::size_t> position;  // where cxf wrote it among its account's items
    // For the item, then each history version: the pool indices of its files that await their bytes
    // (kdbx_map::awaits_bytes), in order.
    std::vector<std::vector<std::size_t>> awaiting_bytes;
};

// The attachments' pool indices for the extension are not kept here: whether the pool needs them is
// known only once the whole file is read (VaultReader::finish_attachments). `place` is the entry's
// path ("/Group/Title") for the report.
// `fresh_uuid` stands in for the entry's UUID (and its history's) in the ids it gets.
EntryReading read_entry(const kdbx::Entry& entry, const EntryContext& context, const std::string& place,
                        const std::optional<kdbx::Uuid>& fresh_uuid = std::nullopt);

}  // namespace cxf::kdbx_map
