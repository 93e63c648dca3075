// SPDX-License-Identifier: MIT
#include "importers/bitwarden_json/folders.h"

#include <algorithm>
#include <numeric>

namespace cxf::bitwarden_json {

std::size_t FolderTree::add(Id id, std::string path, ExtensionBuilder extension, std::string place) {
    by_path_.emplace(path, folders_.size());
    folders_.push_back({std::move(id), std::move(path), std::move(extension), std::move(place), {}, {}, {}});
    return folders_.size() - 1;
}

std::optional<std::size_t> FolderTree::find_path(std::string_view path) const {
    const auto it = by_path_.find(path);
    return it == by_path_.end() ? std::nullopt : std::optional(it->second);
}

void FolderTree::file(std::size_t folder, const Id& item) { folders_[folder].items.push_back({item, std::nullopt}); }

std::vector<Collection> FolderTree::build(std::uint32_t max_depth, Report& report) {
    const std::string limit = " than the nesting limit of " + std::to_string(max_depth) + " levels";
    // A parent's name is shorter than its child's: in that order, each parent's depth is known first.
    std::vector<std::size_t> by_length(folders_.size());
    std::iota(by_length.begin(), by_length.end(), 0);
    std::stable_sort(by_length.begin(), by_length.end(),
                     [&](std::size_t a, std::size_t b) { return folders_[a].path.size() < folders_[b].path.size(); });
    std::vector<std::optional<std::size_t>> parent(folders_.size());
    std::vector<std::uint32_t> depth(folders_.size(), 1);
    for (const std::size_t i : by_length) {
        Folder& f = folders_[i];
        f.title = f.path;
        const ParentName name = parent_name(f.path, by_path_, 0, max_depth);
        if (name.gave_up)
            report.changed(f.place, "the folder name has more '/'" + limit + "; kept at the top level under its full name",
                           "collection");
        if (!name.path) continue;
        const std::size_t p = by_path_.find(*name.path)->second;
        if (depth[p] >= max_depth) {
            report.changed(f.place, "the folder would nest deeper" + limit + "; kept at the top level under its full name",
                           "collection");
            continue;
        }
        parent[i] = p;
        depth[i] = depth[p] + 1;
        f.title = f.path.substr(name.path->size() + 1);
    }
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < folders_.size(); ++i) {
        if (parent[i]) folders_[*parent[i]].children.push_back(i);
        else roots.push_back(i);
    }
    std::vector<Collection> out;
    for (const std::size_t r : roots) out.push_back(collection(r));
    return out;
}

// Recursion no deeper than build's max_depth.
Collection FolderTree::collection(std::size_t index) {
    Folder& f = folders_[index];
    Collection c;
    c.id = f.id;
    c.title = f.title;
    c.items = std::move(f.items);
    for (const std::size_t child : f.children) c.sub_collections.push_back(collection(child));
    f.extension.add_to(c.extensions);
    return c;
}

}  // namespace cxf::bitwarden_json
