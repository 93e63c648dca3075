// SPDX-License-Identifier: MIT
#include "importers/dashlane/vault_builder.h"

#include <algorithm>

#include "cxf/csv/ids.h"

namespace cxf::dashlane {

void VaultBuilder::add(Item item, std::string_view key, std::string_view category) {
    item.id = csv::derived_id("dashlane item", key);
    if (!category.empty()) {
        auto& collections = account_.collections;
        auto found = std::find_if(collections.begin(), collections.end(), [&](const Collection& c) { return c.title == category; });
        if (found == collections.end()) {
            Collection c;
            c.id = csv::derived_id("dashlane category", category);
            c.title = category;
            collections.push_back(std::move(c));
            found = collections.end() - 1;
        }
        found->items.push_back(LinkedItem{item.id, std::nullopt});
    }
    account_.items.push_back(std::move(item));
}

Vault VaultBuilder::finish() && {
    account_.id = csv::account_id("dashlane account", account_.items);
    Vault vault;
    vault.accounts.push_back(std::move(account_));
    return vault;
}

}  // namespace cxf::dashlane
