// SPDX-License-Identifier: MIT
// The attachment pool in the order cxf writes it: each distinct content once, in the order entries
// first refer to it (document order: a group's entries, each with its history, then its subgroups).
#pragma once

#include "cxf/kdbx/database.h"

namespace cxf::kdbx_map {

template <typename Entry, typename F>
void for_each_ref_in_entry(Entry& entry, F&& f) {
    for (auto& ref : entry.binaries) f(ref);
    for (auto& old : entry.history) for_each_ref_in_entry(old, f);
}

// Every attachment reference of `group`, in document order.
template <typename Group, typename F>
void for_each_ref(Group& group, F&& f) {
    for (auto& entry : group.entries) for_each_ref_in_entry(entry, f);
    for (auto& child : group.groups) for_each_ref(child, f);
}

// Whether no two binaries of the pool hold the same bytes (as in every pool cxf writes).
bool distinct_contents(const std::vector<kdbx::Binary>& pool);

}  // namespace cxf::kdbx_map
