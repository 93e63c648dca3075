// SPDX-License-Identifier: MIT
// The folders of a Bitwarden JSON export → nested collections (see cxf/bitwarden/map/folder_names.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/bitwarden/map/extension.h"
#include "cxf/bitwarden/map/folder_names.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::bitwarden_json {

class FolderTree {
public:
    // Returns the folder's index. A second folder with the same name gets its own collection.
    // `place` locates it in the input, for the report.
    std::size_t add(Id id, std::string path, ExtensionBuilder extension, std::string place);
    std::optional<std::size_t> find_path(std::string_view path) const;
    void file(std::size_t folder, const Id& item);
    // The folders as nested collections, in the order they were added, nested no deeper than
    // `max_depth`: a folder that would be deeper stays at the top level under its full name (reported).
    std::vector<Collection> build(std::uint32_t max_depth, Report& report);

private:
    struct Folder {
        Id id;
        std::string path;
        ExtensionBuilder extension{extension_name};
        std::string place;
        std::vector<LinkedItem> items;
        std::string title;
        std::vector<std::size_t> children;
    };
    Collection collection(std::size_t index);

    std::vector<Folder> folders_;
    std::map<std::string, std::size_t, std::less<>> by_path_;
};

}  // namespace cxf::bitwarden_json
