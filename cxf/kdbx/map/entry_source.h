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
    // The pool indices of the attachments read as file credentials whose bytes are still to come, in
    // the order of those credentials.
    std::vector<std::size_t> awaiting_bytes;

    // Marks a string used by a credential and notes its place in the writing order.
    void use(std::size_t i) {
        strings.use(i);
        written_order.push_back(i);
    }
};

// The id cxf gives attachment `index` of an entry: its UUID, the version, the index (stable across
// reads of the same file, unique within the account).
Id attachment_id(const kdbx::Uuid& uuid, std::size_t version, std::size_t index);

// Attachment `index` of the entry as a file credential with its size and SHA-256. Its bytes stay in
// the pool, to be moved or copied into it once the whole file is read and every reference to them is
// known: until then its `data` is empty and its size is not (awaits_bytes), and its pool index is in
// `source.awaiting_bytes`.
File read_attachment(EntrySource& source, std::size_t index, Id id);
bool awaits_bytes(const File& file) noexcept;

}  // namespace cxf::kdbx_map
