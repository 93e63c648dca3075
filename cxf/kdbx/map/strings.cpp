// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/strings.h"

namespace cxf::kdbx_map {

std::optional<std::size_t> StringTable::find(std::string_view key) const noexcept {
    for (std::size_t i = 0; i < strings_.size(); ++i)
        if (strings_[i].key == key) return i;
    return std::nullopt;
}

std::optional<std::size_t> StringTable::take(std::string_view key) noexcept {
    const auto i = find(key);
    if (!i || used_[*i]) return std::nullopt;
    used_[*i] = true;
    return i;
}

}  // namespace cxf::kdbx_map
