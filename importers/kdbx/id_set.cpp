// SPDX-License-Identifier: MIT
#include "importers/kdbx/id_set.h"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string_view>

namespace cxf::kdbx_map {

namespace {

std::uint32_t tag_of(std::size_t hash) { return static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32) | 1u; }

}  // namespace

bool IdSet::insert(ByteView id) {
    const std::size_t hash = std::hash<std::string_view>{}(as_text(id));
    const std::uint32_t tag = tag_of(hash);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.tag == 0) {
            if (ids_.size() == UINT32_MAX) throw std::length_error("more ids than an id set holds");
            slot = {tag, static_cast<std::uint32_t>(ids_.size())};
            ids_.push_back({hash, bytes_.size(), id.size()});
            bytes_.insert(bytes_.end(), id.begin(), id.end());
            if (ids_.size() * 2 > slots_.size()) grow();
            return true;
        }
        if (slot.tag != tag) continue;
        const Id& held = ids_[slot.id];
        if (held.hash == hash && held.length == id.size() && std::equal(id.begin(), id.end(), bytes_.begin() + static_cast<std::ptrdiff_t>(held.offset)))
            return false;
    }
}

// Twice the slots, each id placed again from its hash: the ids and their bytes stay where they are.
void IdSet::grow() {
    slots_.assign(slots_.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = 0; k < ids_.size(); ++k) {
        std::size_t i = ids_[k].hash & mask;
        while (slots_[i].tag != 0) i = (i + 1) & mask;
        slots_[i] = {tag_of(ids_[k].hash), static_cast<std::uint32_t>(k)};
    }
}

}  // namespace cxf::kdbx_map
