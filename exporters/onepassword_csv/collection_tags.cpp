// SPDX-License-Identifier: MIT
#include "exporters/onepassword_csv/collection_tags.h"

namespace cxf::onepassword_csv {

namespace {

class Walk {
public:
    Walk(const Account& account, Report& report) : account_(account), report_(report) {}

    void collections(const std::vector<Collection>& list, const std::string& parent, const std::string& base) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Collection& c = list[i];
            const std::string place = base + "/" + std::to_string(i);
            const std::string path = parent.empty() ? c.title : parent + "/" + c.title;
            if (c.subtitle || c.creation_at || c.modified_at)
                report_.lost_detail(Feature::folders, place, {}, "collection:" + path,
                                    "a tag has no subtitle or dates");
            if (c.items.empty() && c.sub_collections.empty())
                report_.lost_detail(Feature::folders, place, {}, "collection:" + path, "an empty collection makes no tag");
            std::size_t tagged = 0;
            for (const LinkedItem& linked : c.items) {
                if (linked.account && *linked.account != account_.id) {
                    report_.lost_detail(Feature::folders, place, {}, "collection:" + path,
                                        "an item of another account cannot be tagged here");
                    continue;
                }
                paths_[linked.item].push_back(path);
                ++tagged;
            }
            if (tagged)
                report_.changed(place, "collection '" + path + "' written as a tag on its " + std::to_string(tagged) +
                                           " item(s): 1Password's CSV has no vaults or folders", "collection");
            collections(c.sub_collections, path, place + "/subCollections");
        }
    }

    std::map<Id, std::vector<std::string>> take() { return std::move(paths_); }

private:
    const Account& account_;
    Report& report_;
    std::map<Id, std::vector<std::string>> paths_;
};

}  // namespace

std::map<Id, std::vector<std::string>> collection_tags(const Account& account, const std::string& account_place,
                                                       Report& report) {
    Walk walk(account, report);
    walk.collections(account.collections, {}, account_place + "/collections");
    return walk.take();
}

}  // namespace cxf::onepassword_csv
