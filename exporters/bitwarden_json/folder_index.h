// SPDX-License-Identifier: MIT
// A vault's collections as Bitwarden folders (or organisation collections), which show nesting only
// by a "/" in their names, and the folders each item is filed in. Shared by the JSON and CSV writers.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::bitwarden_json {

struct Folder {
    const Collection* collection;
    std::string path;   // the titles from the top down, joined with "/"
    std::string place;  // "/accounts/A/collections/C/subCollections/S"
};

class FolderIndex {
public:
    // Every account's collections, each before its sub-collections. Reports a "/" in a title that
    // makes Bitwarden nest the folder under another one.
    FolderIndex(const Vault& vault, Report& report);

    const std::vector<Folder>& folders() const noexcept { return folders_; }

    // Indexes into folders() of the folders `item` is filed in: for the organisation layout all of
    // them; for the individual one only the first, as a Bitwarden item is in one folder (the others
    // are reported lost).
    std::vector<std::size_t> filing(const Item& item, const std::string& place, bool organization, Report& report) const;

private:
    std::vector<Folder> folders_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> filed_;  // item id bytes → folders
};

}  // namespace cxf::bitwarden_json
