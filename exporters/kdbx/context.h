// SPDX-License-Identifier: MIT
// What the KDBX writer shares while it turns a vault into a database.
#pragma once

#include <optional>
#include <vector>

#include "cxf/kdbx/database.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::kdbx_map {

// Attachment bytes as entries meet them; a BinaryRef's index points here until the pool is built.
struct Staging {
    std::vector<ByteView> blobs;
    std::vector<std::optional<std::size_t>> pool_hints;  // the index the file had, when known

    std::size_t add(ByteView bytes, std::optional<std::size_t> hint) {
        blobs.push_back(bytes);
        pool_hints.push_back(hint);
        return blobs.size() - 1;
    }
    // Forgets what was added after it held `size` attachments.
    void truncate(std::size_t size) {
        blobs.resize(size);
        pool_hints.resize(size);
    }
};

struct WriteContext {
    const kdbx::Meta& meta;
    kdbx::Time now;
    Report& report;
    Staging& staging;
};

// The UUID of an item or collection: its id when that is 16 bytes, else one derived from it.
kdbx::Uuid uuid_for(const Id& id);

}  // namespace cxf::kdbx_map
