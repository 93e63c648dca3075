// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/pool.h"

#include <algorithm>
#include <set>

namespace cxf::kdbx_map {

bool distinct_contents(const std::vector<kdbx::Binary>& pool) {
    std::set<ByteView, decltype([](ByteView a, ByteView b) {
                 return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
             })>
        contents;
    for (const kdbx::Binary& b : pool)
        if (!contents.insert(ByteView(b.data)).second) return false;
    return true;
}

}  // namespace cxf::kdbx_map
