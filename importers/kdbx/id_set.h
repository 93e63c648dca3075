// SPDX-License-Identifier: MIT
// A set of ids (byte strings) that a read fills with one per entry: open addressing over small slots,
// so that an insert allocates nothing on most calls and touches one slot of a table a quarter the
// size a slot holding the whole id's place would need (the table outgrows the cache at 100k entries,
// and a node set allocates twice and follows a pointer per candidate).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "cxf/secret.h"

namespace cxf::kdbx_map {

class IdSet {
public:
    // Whether `id` was new (it is in the set either way).
    bool insert(ByteView id);
    std::size_t size() const noexcept { return ids_.size(); }

private:
    struct Slot {
        std::uint32_t tag = 0;  // the hash's high half, never 0 in a used slot
        std::uint32_t id = 0;   // in ids_
    };
    struct Id {
        std::size_t hash, offset, length;  // offset and length in bytes_
    };
    void grow();

    std::vector<Slot> slots_ = std::vector<Slot>(64);
    std::vector<Id> ids_;
    std::vector<std::uint8_t> bytes_;
};

}  // namespace cxf::kdbx_map
