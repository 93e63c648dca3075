// SPDX-License-Identifier: MIT
#include "cxf/merge/merge.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "cxf/crypto/hash.h"
#include "cxf/merge/fold.h"
#include "cxf/merge/identity.h"
#include "cxf/model/split.h"

namespace cxf {

namespace {

using merging::Folded;

std::string id_key(const Id& id) { return std::string(id.begin(), id.end()); }

// What became of an item: its id in the merged vault (its own, or the one kept for it).
struct Fate {
    Id id;
    bool kept;
};

// Where an item was: source, account, position.
struct Slot {
    std::size_t source, account, index;
};

class Groups {
public:
    explicit Groups(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }
    std::size_t root(std::size_t k) {
        while (parent_[k] != k) k = parent_[k] = parent_[parent_[k]];
        return k;
    }
    void join(std::size_t a, std::size_t b) {
        a = root(a), b = root(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> parent_;
};

// Ids of one kind in the merged account: each given once.
class IdPool {
public:
    // `id` when it is free, else a new id derived from it and `salt` (the same inputs give the same ids).
    Id claim(const Id& id, std::string_view salt) {
        Id chosen = id;
        for (std::uint32_t n = 0; !taken_.insert(id_key(chosen)).second; ++n) {
            const std::string counter = std::to_string(n);
            const crypto::SecureBytes digest = crypto::sha256({as_bytes(salt), id, as_bytes(counter)});
            chosen.assign(digest.begin(), digest.begin() + 16);
        }
        return chosen;
    }

private:
    std::set<std::string> taken_;
};

void report_new_id(Report& report, const std::string& source, std::string item, std::string_view what) {
    report.add(Notice{.kind = NoticeKind::changed,
                      .severity = Severity::info,
                      .place = source,
                      .item = std::move(item),
                      .field = "id",
                      .message = std::string(what) + " id is already taken in the merged vault; given a new one",
                      .feature = std::nullopt});
}

bool newer(const std::optional<Timestamp>& a, const std::optional<Timestamp>& b) {
    return a.value_or(std::numeric_limits<Timestamp>::min()) > b.value_or(std::numeric_limits<Timestamp>::min());
}

class Merger {
public:
    Merger(std::vector<MergeSource>& sources, Report& report) : sources_(sources), report_(report) {}

    Merged run() {
        list_items();
        group();
        claim_item_ids();
        for (std::size_t s = 0; s < sources_.size(); ++s)
            for (std::size_t a = 0; a < sources_[s].vault.accounts.size(); ++a) remap_references(s, a);
        Merged m;
        m.vault.accounts.push_back(merged_account());
        build_items(m);
        rekey_files(m.vault.accounts[0]);
        for (std::size_t s = 0; s < sources_.size(); ++s)
            for (std::size_t a = 0; a < sources_[s].vault.accounts.size(); ++a)
                for (Collection& c : sources_[s].vault.accounts[a].collections)
                    unite(m.vault.accounts[0].collections, relinked(std::move(c), s, a), s);
        return m;
    }

private:
    Item& item(std::size_t k) {
        const Slot& at = slots_[k];
        return sources_[at.source].vault.accounts[at.account].items[at.index];
    }
    ItemOrigin origin(std::size_t k) {
        return {slots_[k].source, item(k).title, item(k).modified_at};
    }

    void list_items() {
        for (std::size_t s = 0; s < sources_.size(); ++s)
            for (std::size_t a = 0; a < sources_[s].vault.accounts.size(); ++a)
                for (std::size_t i = 0; i < sources_[s].vault.accounts[a].items.size(); ++i) slots_.push_back({s, a, i});
    }

    // Items sharing an identity are one group; the kept one is the newest, then the first.
    void group() {
        Groups groups(slots_.size());
        std::map<std::string, std::size_t> first;
        std::vector<std::string> matched(slots_.size());
        for (std::size_t k = 0; k < slots_.size(); ++k) {
            for (merging::Identity& id : merging::identities(item(k))) {
                const auto [at, added] = first.try_emplace(std::move(id.key), k);
                if (added) continue;
                groups.join(at->second, k);
                if (matched[k].empty()) matched[k] = std::move(id.description);
            }
        }
        members_.resize(slots_.size());
        kept_.resize(slots_.size());
        matched_by_.resize(slots_.size());
        root_.resize(slots_.size());
        for (std::size_t k = 0; k < slots_.size(); ++k) {
            const std::size_t root = root_[k] = groups.root(k);
            members_[root].push_back(k);
            if (matched_by_[root].empty()) matched_by_[root] = matched[k];
        }
        for (std::size_t k = 0; k < slots_.size(); ++k) {
            std::size_t best = root_[k];  // the group's first item: members are in input order
            for (const std::size_t m : members_[root_[k]])
                if (newer(item(m).modified_at, item(best).modified_at)) best = m;
            kept_[k] = best;
        }
    }

    bool is_kept(std::size_t k) const { return kept_[k] == k; }

    std::string salt(std::size_t source, std::string_view kind) const {
        return sources_[source].name + '\0' + std::to_string(source) + '\0' + std::string(kind);
    }

    void claim_item_ids() {
        final_ids_.resize(slots_.size());
        for (std::size_t k = 0; k < slots_.size(); ++k) {
            if (!is_kept(k)) continue;
            Item& it = item(k);
            final_ids_[k] = item_ids_.claim(it.id, salt(slots_[k].source, "item"));
            if (final_ids_[k] != it.id) report_new_id(report_, sources_[slots_[k].source].name, it.title, "the item's");
            fate_[{slots_[k].source, slots_[k].account, id_key(it.id)}] = {final_ids_[k], true};
        }
        for (std::size_t k = 0; k < slots_.size(); ++k)
            if (!is_kept(k))
                fate_.try_emplace({slots_[k].source, slots_[k].account, id_key(item(k).id)}, Fate{final_ids_[kept_[k]], false});
    }

    // What became of the item a link of account `a` in source `s` names, if it exists.
    const Fate* target(std::size_t s, std::size_t a, const LinkedItem& link) const {
        std::size_t account = a;
        if (link.account) {
            const auto& accounts = sources_[s].vault.accounts;
            const auto found = std::find_if(accounts.begin(), accounts.end(), [&](const Account& x) { return x.id == *link.account; });
            if (found == accounts.end()) return nullptr;
            account = static_cast<std::size_t>(found - accounts.begin());
        }
        const auto at = fate_.find({s, account, id_key(link.item)});
        return at == fate_.end() ? nullptr : &at->second;
    }

    void remap_references(std::size_t s, std::size_t a) {
        for (Item& it : sources_[s].vault.accounts[a].items)
            for (Credential& c : it.credentials)
                if (auto* ref = std::get_if<ItemReference>(&c))
                    if (const Fate* fate = target(s, a, ref->reference)) ref->reference = {fate->id, std::nullopt};
    }

    Account merged_account() {
        Account out;
        bool first = true;
        for (MergeSource& source : sources_) {
            for (const Account& a : source.vault.accounts) {
                if (first) {
                    out.id = a.id;
                    out.username = a.username;
                    out.email = a.email;
                    out.full_name = a.full_name;
                    for (const Extension& e : a.extensions) out.extensions.push_back(clone(e));
                    first = false;
                } else if (!a.extensions.empty() || a.username != out.username || a.email != out.email) {
                    report_.skipped(source.name, {},
                                    "its account's details (user name, e-mail, extensions) are not carried: the merged "
                                    "vault has one account, with the first input's details");
                }
            }
        }
        return out;
    }

    void build_items(Merged& m) {
        Account& out = m.vault.accounts[0];
        for (std::size_t k = 0; k < slots_.size(); ++k) {
            if (!is_kept(k)) continue;
            const std::size_t root = root_[k];
            Item merged = std::move(item(k));
            if (members_[root].size() > 1) {
                MergedDuplicate d{.matched_by = matched_by_[root], .kept = origin(k), .merged = {}, .added = {}};
                d.kept.title = merged.title;
                d.kept.modified_at = merged.modified_at;
                for (const std::size_t other : members_[root]) {
                    if (other == k) continue;
                    d.merged.push_back(origin(other));
                    Folded f = merging::fold(merged, std::move(item(other)));
                    d.added.insert(d.added.end(), f.added.begin(), f.added.end());
                    if (!f.differences.empty())
                        m.conflicts.push_back({d.kept, d.merged.back(), std::move(f.differences)});
                }
                m.duplicates.push_back(std::move(d));
            }
            const Id old = merged.id;
            merged.id = final_ids_[k];
            for (Item& version : merged.history)
                if (version.id == old) version.id = merged.id;
            out.items.push_back(std::move(merged));
            item_source_.push_back(slots_[k].source);
        }
    }

    void rekey_files(Account& out) {
        IdPool files;
        for (std::size_t i = 0; i < out.items.size(); ++i) {
            for (Credential& c : out.items[i].credentials) {
                auto* file = std::get_if<File>(&c);
                if (!file) continue;
                const Id id = files.claim(file->id, salt(item_source_[i], "file"));
                if (id != file->id) report_new_id(report_, sources_[item_source_[i]].name, out.items[i].title, "a file's");
                file->id = id;
            }
        }
    }

    // The collection with its links renamed to the merged ids; links to left-out duplicates go.
    Collection relinked(Collection&& c, std::size_t s, std::size_t a) const {
        std::vector<LinkedItem> links;
        for (const LinkedItem& link : c.items)
            if (const Fate* fate = target(s, a, link); fate && fate->kept) links.push_back({fate->id, std::nullopt});
        c.items = std::move(links);
        for (Collection& sub : c.sub_collections) sub = relinked(std::move(sub), s, a);
        return std::move(c);
    }

    // Adds `c` to `into`, joining a collection of the same title there (and so on down).
    void unite(std::vector<Collection>& into, Collection&& c, std::size_t s) {
        const auto same = std::find_if(into.begin(), into.end(), [&](const Collection& x) { return x.title == c.title; });
        if (same == into.end()) {
            claim_collection_ids(c, s);
            into.push_back(std::move(c));
            return;
        }
        for (LinkedItem& link : c.items)
            if (std::none_of(same->items.begin(), same->items.end(), [&](const LinkedItem& x) { return x.item == link.item; }))
                same->items.push_back(std::move(link));
        for (Collection& sub : c.sub_collections) unite(same->sub_collections, std::move(sub), s);
    }

    void claim_collection_ids(Collection& c, std::size_t s) {
        const Id id = collection_ids_.claim(c.id, salt(s, "collection"));
        if (id != c.id) report_new_id(report_, sources_[s].name, {}, "the collection '" + c.title + "': its");
        c.id = id;
        for (Collection& sub : c.sub_collections) claim_collection_ids(sub, s);
    }

    std::vector<MergeSource>& sources_;
    Report& report_;
    std::vector<Slot> slots_;
    std::vector<std::size_t> root_;                  // by item: its group
    std::vector<std::vector<std::size_t>> members_;  // by group root
    std::vector<std::size_t> kept_;                  // by item: the kept item of its group
    std::vector<std::string> matched_by_;            // by group root
    std::vector<Id> final_ids_;                      // by kept item
    std::map<std::tuple<std::size_t, std::size_t, std::string>, Fate> fate_;  // by (source, account, id)
    std::vector<std::size_t> item_source_;           // by merged item
    IdPool item_ids_, collection_ids_;
};

}  // namespace

Merged merge(std::vector<MergeSource> sources, Report& report) {
    return Merger(sources, report).run();
}

}  // namespace cxf
