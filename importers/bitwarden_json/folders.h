// SPDX-License-Identifier: MIT
// Bitwarden folders and collections nest by name: "A/B" sits under "A" when a folder named "A"
// exists, else it is a top-level folder named "A/B" (how Bitwarden's clients show them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "importers/bitwarden_json/extension.h"

namespace cxf::bitwarden_json {

struct ParentName {
    std::optional<std::string_view> path;  // the parent folder's name, a prefix of the child's
    bool gave_up = false;                  // the name has more "/" than were looked at
};

// The longest "/"-bounded prefix of `path` that `paths` (a std::set or std::map keyed by name, with
// std::less<>) holds, with a non-empty rest after it. Only the last `max_cuts` "/" past position `from`
// are looked at: a name of 100 000 slashes must not cost 100 000 lookups.
template <typename Paths>
ParentName parent_name(std::string_view path, const Paths& paths, std::size_t from, std::uint32_t max_cuts) {
    for (std::size_t end = path.size(), tried = 0;; ++tried) {
        const std::size_t cut = path.rfind('/', end - 1);
        if (cut == std::string_view::npos || cut <= from) return {};
        if (tried == max_cuts) return {std::nullopt, true};
        if (cut + 1 < path.size() && paths.contains(path.substr(0, cut))) return {path.substr(0, cut)};
        end = cut;
    }
}

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
        ExtensionBuilder extension;
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
