// SPDX-License-Identifier: MIT
#include "cxf/select/select.h"

#include <algorithm>
#include <map>
#include <set>

#include "cxf/error.h"
#include "cxf/model/split.h"
#include "cxf/otp/otpauth.h"

namespace cxf {

namespace {

constexpr std::string_view login_alias = "login";

std::string joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (const std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

std::string id_key(const Id& id) { return std::string(id.begin(), id.end()); }

// Every collection path ("Work/Servers") an item is linked from, by item id.
void collect_paths(const std::vector<Collection>& collections, const std::string& parent,
                   std::map<std::string, std::vector<std::string>>& paths) {
    for (const Collection& c : collections) {
        const std::string path = parent.empty() ? c.title : parent + "/" + c.title;
        for (const LinkedItem& link : c.items) paths[id_key(link.item)].push_back(path);
        collect_paths(c.sub_collections, path, paths);
    }
}

// `path` is `folder` or one of its sub-collections.
bool within(std::string_view path, std::string_view folder) {
    if (path.size() < folder.size() || !otp::iequals(path.substr(0, folder.size()), folder)) return false;
    return path.size() == folder.size() || path[folder.size()] == '/';
}

template <typename Values, typename Match>
bool any_matches(const std::vector<std::string>& wanted, const Values& values, Match match) {
    if (wanted.empty()) return true;
    for (const std::string& w : wanted)
        for (const auto& v : values)
            if (match(w, v)) return true;
    return false;
}

bool selected(const Selection& s, const Item& item, const std::vector<std::string>& paths) {
    std::vector<std::string_view> types;
    for (const Credential& c : item.credentials) types.push_back(credential_type(c));
    return any_matches(s.folders, paths, [](std::string_view folder, std::string_view path) { return within(path, folder); }) &&
           any_matches(s.tags, item.tags, [](std::string_view w, std::string_view t) { return otp::iequals(w, t); }) &&
           any_matches(s.titles, std::vector<std::string_view>{item.title}, glob_matches) &&
           any_matches(s.types, types, [](std::string_view w, std::string_view t) { return w == t; });
}

}  // namespace

std::vector<std::string_view> filter_keys() { return {"folder", "tag", "title", "type"}; }

std::vector<std::string_view> filter_kinds() {
    std::vector<std::string_view> kinds(known_credential_types().begin(), known_credential_types().end());
    kinds.push_back(login_alias);
    return kinds;
}

void add_filter(Selection& s, std::string_view expression) {
    const std::size_t colon = expression.find(':');
    const std::string_view key = expression.substr(0, colon);
    const auto keys = filter_keys();
    if (colon == std::string_view::npos || std::find(keys.begin(), keys.end(), key) == keys.end())
        throw Error(Errc::usage, {},
                    "{filter} " + std::string(expression) + ": a filter is KEY:VALUE with KEY one of " + joined(keys));
    const std::string value(expression.substr(colon + 1));
    if (value.empty()) throw Error(Errc::usage, {}, "{filter} " + std::string(expression) + ": no value after the colon");
    if (key == "folder") s.folders.push_back(value);
    else if (key == "tag") s.tags.push_back(value);
    else if (key == "title") s.titles.push_back(value);
    else {
        const auto kinds = filter_kinds();
        if (std::find(kinds.begin(), kinds.end(), value) == kinds.end())
            throw Error(Errc::usage, {},
                        "{filter} " + std::string(expression) + ": unknown credential type; the types are " + joined(kinds));
        s.types.push_back(value == login_alias ? std::string(BasicAuth::type_name) : value);
    }
    s.expressions.emplace_back(expression);
}

bool glob_matches(std::string_view pattern, std::string_view text) noexcept {
    std::size_t p = 0, t = 0;
    std::size_t star = std::string_view::npos, resume = 0;  // the last '*' and where its match ends
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && (pattern[p] == '?' || otp::lower(pattern[p]) == otp::lower(text[t]))) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

SelectionCount select(Vault& vault, const Selection& selection) {
    SelectionCount count;
    for (Account& account : vault.accounts) {
        count.of += account.items.size();
        if (selection.empty()) continue;
        std::map<std::string, std::vector<std::string>> paths;
        collect_paths(account.collections, "", paths);
        const std::vector<std::string> none;
        std::set<std::string> kept;
        std::erase_if(account.items, [&](const Item& item) {
            const auto at = paths.find(id_key(item.id));
            const bool keep = selected(selection, item, at == paths.end() ? none : at->second);
            if (keep) kept.insert(id_key(item.id));
            return !keep;
        });
        std::vector<Collection> collections;
        for (const Collection& c : account.collections)
            if (auto left = pruned(c, kept, false)) collections.push_back(std::move(*left));
        account.collections = std::move(collections);
    }
    for (const Account& account : vault.accounts) count.selected += account.items.size();
    return count;
}

}  // namespace cxf
