// SPDX-License-Identifier: MIT
#include "importers/kdbx/id_set.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <utility>

namespace cxf::kdbx_map {

bool IdSet::insert(ByteView id) {
    const std::size_t hash = std::hash<std::string_view>{}(as_text(id));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (!slot.used) {
            slot = {hash, bytes_.size(), id.size(), true};
            bytes_.insert(bytes_.end(), id.begin(), id.end());
            if (++count_ * 2 > slots_.size()) grow();
            return true;
        }
        if (slot.hash == hash && slot.length == id.size() &&
            std::equal(id.begin(), id.end(), bytes_.begin() + slot.offset))
            return false;
    }
}

// Twice the slots, each id placed again from its hash: the bytes stay where they are.
void IdSet::grow() {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.size() * 2));
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (!slot.used) continue;
        std::size_t i = slot.hash & mask;
        while (slots_[i].used) i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

}  // namespace cxf::kdbx_map
