// SPDX-License-Identifier: MIT
// Dashlane items gathered into one account, each category a collection that links its items.
#pragma once

#include <string>
#include <string_view>

#include "cxf/model/vault.h"

namespace cxf::dashlane {

class VaultBuilder {
public:
    // `key` makes the item's id (the file and the row or JSON pointer it came from).
    void add(Item item, std::string_view key, std::string_view category = {});
    bool empty() const noexcept { return account_.items.empty(); }
    Vault finish() &&;

private:
    Account account_;
};

}  // namespace cxf::dashlane
