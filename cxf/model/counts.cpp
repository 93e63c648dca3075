// SPDX-License-Identifier: MIT
#include "cxf/model/counts.h"

namespace cxf {

namespace {
std::size_t count_collections(const std::vector<Collection>& collections) {
    std::size_t n = collections.size();
    for (const Collection& c : collections) n += count_collections(c.sub_collections);
    return n;
}
}  // namespace

Counts count(const Vault& vault) {
    Counts counts;
    counts.accounts = vault.accounts.size();
    for (const Account& account : vault.accounts) {
        counts.collections += count_collections(account.collections);
        counts.items += account.items.size();
        for (const Item& item : account.items) {
            for (const Credential& credential : item.credentials) {
                ++counts.credentials[std::string(credential_type(credential))];
                if (const auto* file = std::get_if<File>(&credential); file && file->data) ++counts.attachments_with_bytes;
            }
        }
    }
    return counts;
}

}  // namespace cxf
