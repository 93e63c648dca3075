// SPDX-License-Identifier: MIT
// Bitwarden folders and collections nest by name: "A/B" sits under "A" when a folder named "A"
// exists, else it is a top-level folder named "A/B" (how Bitwarden's clients show them).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cxf/model/vault.h"
#include "importers/bitwarden_json/extension.h"

namespace cxf::bitwarden_json {

class FolderTree {
public:
    // Returns the folder's index. A second folder with the same name gets its own collection.
    std::size_t add(Id id, std::string path, ExtensionBuilder extension);
    std::optional<std::size_t> find_path(const std::string& path) const;
    void file(std::size_t folder, const Id& item);
    // The folders as nested collections, in the order they were added.
    std::vector<Collection> build();

private:
    struct Folder {
        Id id;
        std::string path;
        ExtensionBuilder extension;
        std::vector<LinkedItem> items;
        std::string title;
        std::vector<std::size_t> children;
    };
    Collection collection(std::size_t index);

    std::vector<Folder> folders_;
    std::map<std::string, std::size_t, std::less<>> by_path_;
};

}  // namespace cxf::bitwarden_json
