// SPDX-License-Identifier: MIT
// An entry's strings while they are being mapped: lookup by key, and which ones are already used.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "cxf/kdbx/database.h"

namespace cxf::kdbx_map {

class StringTable {
public:
    explicit StringTable(const std::vector<kdbx::StringField>& strings)
        : strings_(strings), used_(strings.size(), false) {}

    std::size_t size() const noexcept { return strings_.size(); }
    const kdbx::StringField& at(std::size_t i) const noexcept { return strings_[i]; }
    bool used(std::size_t i) const noexcept { return used_[i]; }
    void use(std::size_t i) noexcept { used_[i] = true; }
    void release(std::size_t i) noexcept { used_[i] = false; }

    // The index of `key` (case-sensitive, as KeePass compares), or nullopt.
    std::optional<std::size_t> find(std::string_view key) const noexcept;
    // Marks `key` used and returns its index; nullopt when absent or already used.
    std::optional<std::size_t> take(std::string_view key) noexcept;

private:
    const std::vector<kdbx::StringField>& strings_;
    std::vector<bool> used_;
};

}  // namespace cxf::kdbx_map
