// SPDX-License-Identifier: MIT
#include "exporters/bitwarden_json/folder_index.h"

#include <set>
#include <string_view>

#include "cxf/bitwarden/map/folder_names.h"
#include "cxf/limits.h"

namespace cxf::bitwarden_json {

FolderIndex::FolderIndex(const Vault& vault, Report& report) {
    // Depth first without recursion: a vault built in memory may nest deeper than any stack.
    struct Pending {
        const Collection* collection;
        std::string parent_path;
        std::string place;
    };
    std::vector<Pending> stack;
    for (std::size_t a = vault.accounts.size(); a-- > 0;)
        for (std::size_t c = vault.accounts[a].collections.size(); c-- > 0;)
            stack.push_back({&vault.accounts[a].collections[c], {},
                             "/accounts/" + std::to_string(a) + "/collections/" + std::to_string(c)});
    while (!stack.empty()) {
        Pending next = std::move(stack.back());
        stack.pop_back();
        const Collection& c = *next.collection;
        for (const LinkedItem& l : c.items) filed_[std::string(as_text(l.item))].push_back(folders_.size());
        std::string path = next.parent_path.empty() ? c.title : next.parent_path + "/" + c.title;
        for (std::size_t s = c.sub_collections.size(); s-- > 0;)
            stack.push_back({&c.sub_collections[s], path, next.place + "/subCollections/" + std::to_string(s)});
        folders_.push_back({&c, std::move(path), std::move(next.place)});
    }

    // Bitwarden nests by name: a "/" in a title that meets another folder's path re-nests it (looked
    // for as far as cxf's own reader looks, by default).
    std::set<std::string_view, std::less<>> paths;
    for (const Folder& f : folders_) paths.insert(f.path);
    for (const Folder& f : folders_) {
        const std::string& title = f.collection->title;
        if (title.find('/') == std::string::npos) continue;
        const std::size_t title_at = f.path.size() - title.size();
        const ParentName parent = parent_name(f.path, paths, title_at == 0 ? 0 : title_at - 1, Limits{}.max_depth);
        if (parent.path)
            report.changed(f.place, "the '/' in the folder name '" + title + "' makes Bitwarden show it nested under '" +
                                        std::string(*parent.path) + "'");
    }
}

std::vector<std::size_t> FolderIndex::filing(const Item& item, const std::string& place, bool organization,
                                             Report& report) const {
    const auto it = filed_.find(as_text(item.id));
    if (it == filed_.end()) return {};
    const std::vector<std::size_t>& in = it->second;
    if (organization) return in;
    for (std::size_t k = 1; k < in.size(); ++k)
        report.lost_detail(Feature::folders, place, item.title, "collection:" + folders_[in[k]].path,
                    "a Bitwarden item is in one folder; it stays in '" + folders_[in.front()].path + "'");
    return {in.front()};
}

}  // namespace cxf::bitwarden_json
