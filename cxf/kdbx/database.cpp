// SPDX-License-Identifier: MIT
// Helpers of the KDBX object model: random UUIDs, group members and string lookup.
#include "cxf/kdbx/database.h"

#include <algorithm>

#include "cxf/crypto/hash.h"
#include "cxf/error.h"

namespace cxf::kdbx {

Uuid new_uuid() {
    const crypto::SecureBytes random = crypto::random_bytes(16);
    Uuid uuid{};
    std::copy(random.begin(), random.end(), uuid.begin());
    uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0F) | 0x40);  // RFC 4122 §4.4: version 4
    uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3F) | 0x80);  // variant 10
    return uuid;
}

// A group's own members, without its entries and subgroups.
Group group_members(const Group& g) {
    Group m;
    m.uuid = g.uuid;
    m.name = g.name;
    m.notes = g.notes;
    m.icon_id = g.icon_id;
    m.custom_icon = g.custom_icon;
    m.times = g.times;
    m.is_expanded = g.is_expanded;
    m.default_auto_type_sequence = g.default_auto_type_sequence;
    m.enable_auto_type = g.enable_auto_type;
    m.enable_searching = g.enable_searching;
    m.last_top_visible_entry = g.last_top_visible_entry;
    m.tags = g.tags;
    m.previous_parent_group = g.previous_parent_group;
    m.custom_data = g.custom_data;
    m.unknown = g.unknown;
    return m;
}

const StringField* Entry::find(std::string_view key) const noexcept {
    const auto it = std::find_if(strings.begin(), strings.end(), [&](const StringField& s) { return s.key == key; });
    return it == strings.end() ? nullptr : &*it;
}

}  // namespace cxf::kdbx
