// SPDX-License-Identifier: MIT
// One entry while it is mapped to an item: its strings and attachments, and which are used.
#pragma once

#include <string>
#include <vector>

#include "cxf/kdbx/database.h"
#include "cxf/kdbx/map/strings.h"
#include "cxf/model/vault.h"

namespace cxf::kdbx_map {

struct EntrySource {
    EntrySource(const kdbx::Entry& e, const std::vector<kdbx::Binary>& binaries, std::size_t version_index)
        : entry(e), strings(e.strings), binary_used(e.binaries.size(), false), pool(binaries), version(version_index) {}

    const kdbx::Entry& entry;
    StringTable strings;
    std::vector<bool> binary_used;
    const std::vector<kdbx::Binary>& pool;
    std::size_t version;  // 0: the live entry; k + 1: history entry k
    // Keys used by credentials after the standard five, URLs and apps, in the order cxf writes them.
    std::vector<std::size_t> written_order;

    // Marks a string used by a credential and notes its place in the writing order.
    void use(std::size_t i) {
        strings.use(i);
        written_order.push_back(i);
    }
};

// The id cxf gives attachment `index` of an entry: its UUID, the version, the index (stable across
// reads of the same file, unique within the account).
Id attachment_id(const kdbx::Uuid& uuid, std::size_t version, std::size_t index);

// Attachment `index` of the entry as a file credential with its bytes, size and SHA-256.
File read_attachment(EntrySource& source, std::size_t index, Id id);

}  // namespace cxf::kdbx_map
