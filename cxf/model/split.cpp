// SPDX-License-Identifier: MIT
#include "cxf/model/split.h"

#include <algorithm>
#include <set>
#include <string>

namespace cxf {

Extension clone(const Extension& extension) {
    if (const auto* raw = std::get_if<RawExtension>(&extension)) return RawExtension{raw->name, raw->json.clone()};
    return std::get<SharedExtension>(extension);
}

namespace {

std::vector<Extension> clone(const std::vector<Extension>& extensions) {
    std::vector<Extension> out;
    out.reserve(extensions.size());
    for (const Extension& e : extensions) out.push_back(cxf::clone(e));
    return out;
}

std::string key(const Id& id) { return std::string(id.begin(), id.end()); }

bool links_anything(const Collection& c) {
    if (!c.items.empty()) return true;
    for (const Collection& sub : c.sub_collections)
        if (links_anything(sub)) return true;
    return false;
}

Vault header_of(const Vault& v) {
    Vault out;
    out.version = v.version;
    out.exporter_rp_id = v.exporter_rp_id;
    out.exporter_display_name = v.exporter_display_name;
    out.timestamp = v.timestamp;
    out.bare_account = v.bare_account;
    return out;
}

Account account_header(const Account& a) {
    Account out;
    out.id = a.id;
    out.username = a.username;
    out.email = a.email;
    out.full_name = a.full_name;
    out.extensions = clone(a.extensions);
    return out;
}

}  // namespace

std::optional<Collection> pruned(const Collection& c, const std::set<std::string>& present, bool keep_empty) {
    Collection out;
    out.id = c.id;
    out.creation_at = c.creation_at;
    out.modified_at = c.modified_at;
    out.title = c.title;
    out.subtitle = c.subtitle;
    out.extensions = clone(c.extensions);
    for (const LinkedItem& link : c.items)
        if (present.contains(key(link.item))) out.items.push_back(link);
    for (const Collection& sub : c.sub_collections)
        if (auto kept = pruned(sub, present, keep_empty)) out.sub_collections.push_back(std::move(*kept));
    const bool empty_from_start = keep_empty && !links_anything(c);
    if (out.items.empty() && out.sub_collections.empty() && !empty_from_start) return std::nullopt;
    return out;
}

std::vector<Vault> split(Vault&& vault, std::size_t max_items) {
    std::size_t total = 0;
    for (const Account& a : vault.accounts) total += a.items.size();
    if (max_items == 0 || total <= max_items) {
        std::vector<Vault> one;
        one.push_back(std::move(vault));
        return one;
    }
    struct Part {
        Vault vault;
        std::vector<std::size_t> source;  // the source account of each of its accounts
    };
    std::vector<Part> parts;
    // The first part has every account, so accounts without items keep their collections.
    parts.push_back({header_of(vault), {}});
    for (std::size_t a = 0; a < vault.accounts.size(); ++a) {
        parts[0].vault.accounts.push_back(account_header(vault.accounts[a]));
        parts[0].source.push_back(a);
    }
    std::size_t in_part = 0;
    for (std::size_t a = 0; a < vault.accounts.size(); ++a) {
        for (Item& item : vault.accounts[a].items) {
            if (in_part == max_items) {
                parts.push_back({header_of(vault), {}});
                in_part = 0;
            }
            Part& part = parts.back();
            auto at = std::find(part.source.begin(), part.source.end(), a);
            if (at == part.source.end()) {
                part.vault.accounts.push_back(account_header(vault.accounts[a]));
                part.source.push_back(a);
                at = part.source.end() - 1;
            }
            part.vault.accounts[static_cast<std::size_t>(at - part.source.begin())].items.push_back(std::move(item));
            ++in_part;
        }
    }
    std::vector<Vault> out;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        Part& part = parts[p];
        for (std::size_t i = 0; i < part.vault.accounts.size(); ++i) {
            Account& account = part.vault.accounts[i];
            std::set<std::string> present;
            for (const Item& item : account.items) present.insert(key(item.id));
            for (const Collection& c : vault.accounts[part.source[i]].collections)
                if (auto kept = pruned(c, present, p == 0)) account.collections.push_back(std::move(*kept));
        }
        out.push_back(std::move(part.vault));
    }
    return out;
}

}  // namespace cxf
