// SPDX-License-Identifier: MIT
#include "cxf/model/counts.h"

#include <array>
#include <variant>

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
    // Known kinds are counted by their index, named once at the end: a vault has millions of credentials.
    std::array<std::size_t, std::variant_size_v<Credential>> by_kind{};
    for (const Account& account : vault.accounts) {
        counts.collections += count_collections(account.collections);
        counts.items += account.items.size();
        for (const Item& item : account.items) {
            for (const Credential& credential : item.credentials) {
                if (const auto* unknown = std::get_if<UnknownCredential>(&credential)) ++counts.credentials[unknown->type];
                else ++by_kind[credential.index()];
                if (const auto* file = std::get_if<File>(&credential); file && file->data) ++counts.attachments_with_bytes;
            }
        }
    }
    const std::span<const std::string_view> names = known_credential_types();
    for (std::size_t kind = 0; kind < by_kind.size() && kind < names.size(); ++kind)
        if (by_kind[kind] > 0) counts.credentials[std::string(names[kind])] += by_kind[kind];
    return counts;
}

}  // namespace cxf
