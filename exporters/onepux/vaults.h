// SPDX-License-Identifier: MIT
// An account's collections as 1Password vaults. Vaults do not nest: a sub-collection becomes a vault
// named by its path ("Work/Nested"). An item is in one vault: one filed in several collections goes
// into the first (in the order the collections are listed, parents before their sub-collections) and
// the others are reported lost. Items in no collection go into a personal vault named after the
// account, as 1Password's own "Personal" vault holds them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::onepux::out {

struct VaultOut {
    const Collection* collection = nullptr;  // null for the personal vault
    std::string title;
    std::string place;                       // the collection's JSON pointer, for notices
    std::vector<std::size_t> items;          // indexes into the account's items
};

std::vector<VaultOut> plan_vaults(const Account& account, std::size_t account_index, Report& report);

}  // namespace cxf::onepux::out
