// SPDX-License-Identifier: MIT
#include "exporters/onepux/vaults.h"

#include <map>

namespace cxf::onepux::out {

namespace {

class VaultPlanner {
public:
    VaultPlanner(const Account& account, Report& report) : account_(account), report_(report) {
        for (std::size_t i = 0; i < account.items.size(); ++i) index_.emplace(account.items[i].id, i);
    }

    void collections(const std::vector<Collection>& list, const std::string& base, const std::string& prefix) {
        for (std::size_t c = 0; c < list.size(); ++c) {
            const Collection& collection = list[c];
            const std::string place = base + "/" + std::to_string(c);
            const std::string title = prefix + collection.title;
            if (!prefix.empty())
                report_.lost_detail(Feature::folders, place, {}, "collection:" + title,
                                    "1Password vaults do not nest; the collection is the vault '" + title + "'");
            if (collection.creation_at || collection.modified_at)
                report_.lost_detail(Feature::folders, place, {}, "collection:" + title, "1Password vaults have no dates");
            VaultOut vault{&collection, title, place, {}};
            for (const LinkedItem& link : collection.items) file(link, vault);
            vaults_.push_back(std::move(vault));
            collections(collection.sub_collections, place + "/subCollections", title + "/");
        }
    }

    std::vector<VaultOut> finish() {
        VaultOut personal{nullptr, personal_title(), {}, {}};
        for (std::size_t i = 0; i < account_.items.size(); ++i)
            if (!vault_of_.contains(i)) personal.items.push_back(i);
        if (!personal.items.empty()) vaults_.insert(vaults_.begin(), std::move(personal));
        return std::move(vaults_);
    }

private:
    void file(const LinkedItem& link, VaultOut& vault) {
        if (link.account && *link.account != account_.id) {
            report_.lost_detail(Feature::folders, vault.place, {}, "collection:" + vault.title,
                                "a 1Password vault holds items of its own account only");
            return;
        }
        const auto found = index_.find(link.item);
        if (found == index_.end()) return;
        const std::size_t item = found->second;
        const auto [first, added] = vault_of_.emplace(item, vault.title);
        if (added) {
            vault.items.push_back(item);
            return;
        }
        report_.lost_detail(Feature::folders, vault.place, account_.items[item].title, "collection:" + vault.title,
                            "a 1Password item is in one vault; it is in '" + first->second + "' only");
    }

    std::string personal_title() const {
        if (account_.full_name && !account_.full_name->empty()) return *account_.full_name;
        if (!account_.username.empty()) return account_.username;
        if (!account_.email.empty()) return account_.email;
        return "Personal";
    }

    const Account& account_;
    Report& report_;
    std::map<Id, std::size_t> index_;
    std::map<std::size_t, std::string> vault_of_;
    std::vector<VaultOut> vaults_;
};

}  // namespace

std::vector<VaultOut> plan_vaults(const Account& account, std::size_t account_index, Report& report) {
    VaultPlanner planner(account, report);
    planner.collections(account.collections, "/accounts/" + std::to_string(account_index) + "/collections", "");
    return planner.finish();
}

}  // namespace cxf::onepux::out
