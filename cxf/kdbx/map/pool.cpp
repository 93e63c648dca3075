// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/pool.h"

#include <set>

namespace cxf::kdbx_map {

bool canonical_pool(const kdbx::Database& db) {
    std::size_t next = 0;
    bool canonical = true;
    std::vector<bool> seen(db.binaries.size(), false);
    for_each_ref(db.root, [&](const kdbx::BinaryRef& ref) {
        if (ref.index >= seen.size() || seen[ref.index]) return;
        seen[ref.index] = true;
        if (ref.index != next++) canonical = false;
    });
    if (!canonical || next != db.binaries.size()) return false;
    std::set<ByteView, decltype([](ByteView a, ByteView b) {
                 return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
             })>
        contents;
    for (const kdbx::Binary& b : db.binaries)
        if (!contents.insert(ByteView(b.data)).second) return false;
    return true;
}

}  // namespace cxf::kdbx_map
