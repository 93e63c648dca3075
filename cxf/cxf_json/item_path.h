// SPDX-License-Identifier: MIT
// Where CXF items sit in a document, so the parser can hand each one off as soon as it is complete.
#pragma once

#include "cxf/json/tape.h"

namespace cxf::cxf_json {

// /items/N (a bare Account) or /accounts/M/items/N (a Header); `path` is the parent of the element.
inline bool is_item_path(const json::Path& path) {
    const std::size_t d = path.depth();
    if (d == 2) return !path.is_index(0) && path.key(0) == "items";
    if (d == 4) return !path.is_index(0) && path.key(0) == "accounts" && !path.is_index(2) && path.key(2) == "items";
    return false;
}

}  // namespace cxf::cxf_json
