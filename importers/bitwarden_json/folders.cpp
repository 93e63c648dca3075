// SPDX-License-Identifier: MIT
#include "importers/bitwarden_json/folders.h"

namespace cxf::bitwarden_json {

std::size_t FolderTree::add(Id id, std::string path, ExtensionBuilder extension) {
    by_path_.emplace(path, folders_.size());
    folders_.push_back({std::move(id), std::move(path), std::move(extension), {}, {}, {}});
    return folders_.size() - 1;
}

std::optional<std::size_t> FolderTree::find_path(const std::string& path) const {
    const auto it = by_path_.find(path);
    return it == by_path_.end() ? std::nullopt : std::optional(it->second);
}

void FolderTree::file(std::size_t folder, const Id& item) { folders_[folder].items.push_back({item, std::nullopt}); }

std::vector<Collection> FolderTree::build() {
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < folders_.size(); ++i) {
        Folder& f = folders_[i];
        f.title = f.path;
        bool nested = false;
        // Under the folder whose name is the longest "/"-bounded prefix of this one.
        for (auto cut = f.path.rfind('/'); cut != std::string::npos && cut > 0; cut = f.path.rfind('/', cut - 1)) {
            const auto parent = by_path_.find(f.path.substr(0, cut));
            if (parent == by_path_.end() || parent->second == i || cut + 1 >= f.path.size()) continue;
            f.title = f.path.substr(cut + 1);
            folders_[parent->second].children.push_back(i);
            nested = true;
            break;
        }
        if (!nested) roots.push_back(i);
    }
    std::vector<Collection> out;
    for (const std::size_t r : roots) out.push_back(collection(r));
    return out;
}

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
