// SPDX-License-Identifier: MIT
// 1Password's CSV has no vaults or folders, but its tags nest with "/": each collection an item is in
// becomes a tag, its path from the account's top ("Work/Servers").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::onepassword_csv {

// Item id → the paths of the collections that hold it. Reports each collection written as a tag
// (changed) and what of a collection a tag cannot say (lost details of folders).
std::map<Id, std::vector<std::string>> collection_tags(const Account& account, const std::string& account_place,
                                                       Report& report);

}  // namespace cxf::onepassword_csv
