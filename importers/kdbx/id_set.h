// SPDX-License-Identifier: MIT
// A set of ids (byte strings) that a read fills with one per entry: open addressing over one block of
// bytes, so that an insert allocates nothing on most calls and touches one slot, where a node set
// allocates twice and follows a pointer per candidate (3 % of reading a 100k-entry KDBX).
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
    std::size_t size() const noexcept { return count_; }

private:
    struct Slot {
        std::size_t hash = 0, offset = 0, length = 0;  // offset and length in bytes_
        bool used = false;
    };
    void grow();

    std::vector<Slot> slots_ = std::vector<Slot>(64);
    std::vector<std::uint8_t> bytes_;
    std::size_t count_ = 0;
};

}  // namespace cxf::kdbx_map
