// SPDX-License-Identifier: MIT
// Splitting a vault into parts of at most N items (for targets that refuse big imports, such as
// Bitwarden's 7 000 items per import).
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cxf/model/vault.h"

namespace cxf {

// Parts in item order, each with the vault's header, every account (with its items for that part) and
// the collections that link to those items, pruned to those links. The first part also keeps the
// collections that link to nothing, so no folder is lost. One part when the vault is small enough.
std::vector<Vault> split(Vault&& vault, std::size_t max_items);

Extension clone(const Extension& extension);

// The collection keeping only its links to `present` items (each id's bytes as a string) and the
// sub-collections that keep any; nothing when none is left, unless `keep_empty` and it linked nothing
// in the first place.
std::optional<Collection> pruned(const Collection& collection, const std::set<std::string>& present, bool keep_empty);

}  // namespace cxf
