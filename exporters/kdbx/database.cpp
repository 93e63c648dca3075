// SPDX-License-Identifier: MIT
// Vault → KDBX object model: the first account is the root group, further accounts are top-level
// groups marked as such, collections are groups, items are entries; the "cxf.local/kdbx" extensions
// give back Meta, the recycle bin, deleted objects and the attachment pool as they were.
#include <algorithm>
#include <ctime>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "cxf/crypto/hash.h"
#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/kdbx_json.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/pool.h"
#include "cxf/plugin/losses.h"
#include "exporters/kdbx/database.h"
#include "exporters/kdbx/entry.h"
#include "exporters/kdbx/write.h"

namespace cxf::kdbx_map {

namespace {

using kdbx::Time;

struct ByteOrder {
    bool operator()(ByteView a, ByteView b) const {
        return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    }
};

struct PoolInfo {
    std::size_t size = 0;
    bool explicit_order = false;
    std::vector<std::size_t> protect;
};

std::string first_nonempty(std::initializer_list<std::string_view> texts) {
    for (const std::string_view t : texts)
        if (!t.empty()) return std::string(t);
    return {};
}

// A group as it is planned: its items wait in `slots`, its subgroups in `children` until the tree
// is settled into the database, where their addresses no longer change.
struct Planned {
    kdbx::Group group;
    std::vector<VaultDatabase::Slot> slots;
    std::vector<Planned> children;
};

}  // namespace

class DatabaseBuilder {
public:
    DatabaseBuilder(const Vault& vault, Report& report, VaultDatabase& out)
        : vault_(vault), report_(report), out_(out), db_(out.db_), now_(out.now_) {}

    void build() {
        if (vault_.accounts.empty()) {
            db_.meta = fresh_meta(nullptr);
            db_.root = fresh_group(kdbx::new_uuid(), "Root");
            return;
        }
        Planned root;
        plan(root);
        settle(root, db_.root);
        std::vector<std::size_t> refs;  // staged attachments in document order
        learn(db_.root, refs);
        build_pool(refs);
    }

private:
    void plan(Planned& root) {
        const Account& first = vault_.accounts.front();
        std::optional<JsonDoc> doc;
        if (const RawExtension* ext = json::find_extension(first.extensions, extension_name))
            doc.emplace(ext->json.view(), "extension " + std::string(extension_name) + " of account 0");
        const auto member = [&](std::string_view key) { return doc ? doc->root().find(key) : std::nullopt; };

        db_.meta = member("meta") ? read_meta(*doc, *member("meta")) : fresh_meta(&first);
        if (const auto r = member("root")) read_group_members(*doc, *r, root.group, true);
        else root.group = fresh_group(uuid_for(first.id), first_nonempty({db_.meta.database_name, "Root"}));
        if (const auto v = member("deletedObjects")) db_.deleted_objects = read_deleted_objects(*doc, *v);
        if (const auto v = member("publicCustomData")) db_.public_custom_data = read_variant_map(*doc, *v);
        if (const auto v = member("unknown")) db_.unknown = read_unknown(*doc, *v);
        if (const auto v = member("rootUnknown")) db_.root_unknown = read_unknown(*doc, *v);
        if (const auto v = member("pool")) pool_ = read_pool(*doc, *v);
        vault_marker(db_.meta);
        if (needs_marker(first, root.group.uuid)) db_.meta.custom_data.push_back(account_marker(first));
        carry_extensions(first.extensions, db_.meta.custom_data);

        fill(first, 0, root);
        if (const auto bin = member("recycleBin")) restore_recycle_bin(*doc, *bin, root);
        for (std::size_t a = 1; a < vault_.accounts.size(); ++a) {
            const Account& account = vault_.accounts[a];
            Planned group;
            std::optional<JsonDoc> own;
            if (const RawExtension* ext = json::find_extension(account.extensions, extension_name))
                own.emplace(ext->json.view(), "extension " + std::string(extension_name) + " of account " + std::to_string(a));
            if (const auto g = own ? own->root().find("group") : std::nullopt) read_group_members(*own, *g, group.group, true);
            else group.group = fresh_group(uuid_for(account.id), first_nonempty({account.full_name.value_or(""), account.username, account.email, "Account " + std::to_string(a + 1)}));
            group.group.custom_data.push_back(account_marker(account));
            carry_extensions(account.extensions, group.group.custom_data);
            fill(account, a, group);
            root.children.push_back(std::move(group));
        }
    }

    // `out` gets the planned group and, after its own subgroups (the recycle bin's), the planned ones.
    void settle(Planned& planned, kdbx::Group& out) {
        out = std::move(planned.group);
        const std::size_t own = out.groups.size();
        out.groups.resize(own + planned.children.size());
        for (std::size_t c = 0; c < planned.children.size(); ++c) settle(planned.children[c], out.groups[own + c]);
        if (!planned.slots.empty()) out_.slots_.emplace(&out, std::move(planned.slots));
    }

    // The first pass, in document order: each item that may stage attachments or need KDBX 4.1 is
    // mapped and let go, leaving where its attachments were staged, which it refers to, whether it needs
    // KDBX 4.1, and what it reported. The others are mapped once, as they are written.
    void learn(kdbx::Group& g, std::vector<std::size_t>& refs) {
        for (kdbx::Entry& e : g.entries) for_each_ref_in_entry(e, [&](const kdbx::BinaryRef& ref) { refs.push_back(ref.index); });
        if (const auto found = out_.slots_.find(&g); found != out_.slots_.end()) {
            for (VaultDatabase::Slot& slot : found->second) {
                out_.document_order_.push_back(&slot);
                slot.staged_from = staging_.blobs.size();
                if (nothing_to_learn(*slot.item)) continue;
                slot.learned = true;
                const kdbx::Entry e = out_.map(slot, slot.memo, slot.notices, staging_);
                for_each_ref_in_entry(e, [&](const kdbx::BinaryRef& ref) { refs.push_back(ref.index); });
                out_.needs_41_ = out_.needs_41_ || kdbx::needs_kdbx41(e);
            }
        }
        for (kdbx::Group& child : g.groups) learn(child, refs);
    }

    // Attachments' bytes are staged by File credentials; what needs KDBX 4.1 comes from the kdbx
    // extension. An item with neither, in any of its versions, has nothing to teach the first pass.
    static bool nothing_to_learn(const Item& item) {
        const auto plain = [](const Item& v) {
            if (json::find_extension(v.extensions, extension_name)) return false;
            return std::none_of(v.credentials.begin(), v.credentials.end(), [](const Credential& c) {
                const File* file = std::get_if<File>(&c);
                return file && file->data;
            });
        };
        return plain(item) && std::all_of(item.history.begin(), item.history.end(), plain);
    }

    kdbx::Meta fresh_meta(const Account* account) const {
        kdbx::Meta m;
        m.generator = "cxf";
        m.settings_changed = now_;
        if (account) m.database_name = first_nonempty({account->full_name.value_or(""), account->username, account->email});
        for (Time* t : {&m.database_name_changed, &m.database_description_changed, &m.default_user_name_changed,
                        &m.master_key_changed, &m.recycle_bin_changed, &m.entry_templates_group_changed})
            *t = now_;
        // KeePass trims history beyond this when an entry is next edited; keep all that was brought.
        std::size_t longest = 0;
        for (const Account& a : vault_.accounts)
            for (const Item& i : a.items) longest = std::max(longest, i.history.size());
        m.history_max_items = static_cast<std::int32_t>(std::max<std::size_t>(10, longest));
        return m;
    }

    kdbx::Group fresh_group(const kdbx::Uuid& uuid, std::string name) const {
        kdbx::Group g;
        g.uuid = uuid;
        g.name = std::move(name);
        g.times = fresh_times(now_, now_);
        return g;
    }

    // The CXF header of another exporter is kept; one that names cxf itself (or nobody) describes
    // this conversion, which the next export describes afresh.
    void vault_marker(kdbx::Meta& meta) const {
        const bool foreign = !vault_.exporter_rp_id.empty() && vault_.exporter_rp_id != cxf_json::own_rp_id;
        if (!foreign && !vault_.bare_account) return;
        json::Builder out;
        out.begin_object();
        if (!vault_.exporter_rp_id.empty()) out.key("exporterRpId").string(vault_.exporter_rp_id);
        if (!vault_.exporter_display_name.empty()) out.key("exporterDisplayName").string(vault_.exporter_display_name);
        if (vault_.timestamp) out.key("timestamp").integer(*vault_.timestamp);
        if (vault_.bare_account) out.key("bareAccount").boolean(true);
        out.end_object();
        meta.custom_data.push_back({std::string(vault_key), std::string(out.take().view()), std::nullopt});
    }

    static bool needs_marker(const Account& a, const kdbx::Uuid& root) {
        return a.id != Id(root.begin(), root.end()) || !a.username.empty() || !a.email.empty() || a.full_name;
    }

    static kdbx::CustomDataItem account_marker(const Account& a) {
        json::Builder out;
        out.begin_object();
        out.key("id").string(encoding::base64url_encode(a.id));
        out.key("username").string(a.username);
        out.key("email").string(a.email);
        if (a.full_name) out.key("fullName").string(*a.full_name);
        out.end_object();
        return {std::string(account_key), std::string(out.take().view()), std::nullopt};
    }

    // The account's collections become groups under `group`, its items entries in them (or in
    // `group` itself when in no collection).
    void fill(const Account& account, std::size_t a, Planned& group) {
        std::map<Id, std::size_t> index;
        for (std::size_t i = 0; i < account.items.size(); ++i) index.emplace(account.items[i].id, i);
        std::vector<bool> placed(account.items.size(), false);
        struct Node {
            std::vector<std::size_t> items;
            std::vector<Node> children;
        };
        std::vector<Node> nodes;
        const std::string base = "/accounts/" + std::to_string(a) + "/collections";
        std::function<Node(const Collection&, const std::string&)> place = [&](const Collection& c, const std::string& where) {
            Node node;
            for (std::size_t l = 0; l < c.items.size(); ++l) {
                const LinkedItem& link = c.items[l];
                const std::string link_place = where + "/items/" + std::to_string(l);
                if (link.account && *link.account != account.id) {
                    report_.lost_detail(Feature::folders, link_place, c.title, "linked item", "KeePass KDBX groups hold only entries of their own database");
                    continue;
                }
                const auto found = index.find(link.item);
                if (found == index.end()) {
                    report_.lost_detail(Feature::folders, link_place, c.title, "linked item", "the linked item is not in this account");
                    continue;
                }
                if (placed[found->second]) {
                    report_.lost_detail(Feature::folders, link_place, account.items[found->second].title, "collection:" + c.title,
                                 "a KDBX entry sits in one group: the item stays in the first collection that holds it");
                    continue;
                }
                placed[found->second] = true;
                node.items.push_back(found->second);
            }
            for (std::size_t s = 0; s < c.sub_collections.size(); ++s)
                node.children.push_back(place(c.sub_collections[s], where + "/" + std::to_string(s) + "/subCollections"));
            return node;
        };
        for (std::size_t c = 0; c < account.collections.size(); ++c)
            nodes.push_back(place(account.collections[c], base + "/" + std::to_string(c)));

        std::vector<std::size_t> at_root;
        for (std::size_t i = 0; i < account.items.size(); ++i)
            if (!placed[i]) at_root.push_back(i);
        // The reader meets entries in document order; items it would meet out of order keep their place.
        std::vector<std::size_t> order = at_root;
        std::function<void(const Node&)> walk = [&](const Node& n) {
            order.insert(order.end(), n.items.begin(), n.items.end());
            for (const Node& child : n.children) walk(child);
        };
        for (const Node& n : nodes) walk(n);
        bool in_order = true;
        for (std::size_t i = 0; i < order.size(); ++i) in_order = in_order && order[i] == i;
        const auto slot = [&](std::size_t i) {
            VaultDatabase::Slot waiting;
            waiting.item = &account.items[i];
            waiting.account = a;
            waiting.index = i;
            if (!in_order) waiting.position = i;
            return waiting;
        };
        for (const std::size_t i : at_root) group.slots.push_back(slot(i));
        std::function<Planned(const Collection&, const Node&)> build = [&](const Collection& c, const Node& n) {
            std::set<Id> placed_here;
            for (const std::size_t i : n.items) placed_here.insert(account.items[i].id);
            Planned g{collection_group(c, account.id, placed_here), {}, {}};
            for (const std::size_t i : n.items) g.slots.push_back(slot(i));
            for (std::size_t s = 0; s < c.sub_collections.size(); ++s) g.children.push_back(build(c.sub_collections[s], n.children[s]));
            return g;
        };
        for (std::size_t c = 0; c < account.collections.size(); ++c) group.children.push_back(build(account.collections[c], nodes[c]));
    }

    // `placed` are the ids of the items the group holds.
    kdbx::Group collection_group(const Collection& c, const Id& account_id, const std::set<Id>& placed) const {
        kdbx::Group g;
        g.uuid = uuid_for(c.id);
        g.name = c.title;
        g.notes = c.subtitle.value_or("");
        std::optional<JsonDoc> doc;
        if (const RawExtension* ext = json::find_extension(c.extensions, extension_name))
            doc.emplace(ext->json.view(), "extension " + std::string(extension_name) + " of collection '" + c.title + "'");
        const auto kept = [&](std::string_view key) { return doc ? doc->time(doc->root(), key) : std::nullopt; };
        g.times.creation = c.creation_at ? Time::from_unix(*c.creation_at) : kept("creation").value_or(now_);
        g.times.last_modification = c.modified_at ? Time::from_unix(*c.modified_at) : kept("modification").value_or(g.times.creation);
        g.times = fresh_times(g.times.creation, g.times.last_modification);
        if (doc) read_group_members(*doc, doc->root(), g, false);
        json::Builder out;
        out.begin_object();
        if (c.id != Id(g.uuid.begin(), g.uuid.end())) out.key("id").string(encoding::base64url_encode(c.id));
        if (c.subtitle && c.subtitle->empty()) out.key("subtitle").string("");
        if (!c.creation_at) out.key("created").boolean(false);
        if (!c.modified_at) out.key("modified").boolean(false);
        // A link that names its own account says no more than one that names none; keep the spelling.
        const auto naming = [&](const LinkedItem& l) { return l.account == account_id && placed.contains(l.item); };
        if (std::any_of(c.items.begin(), c.items.end(), naming)) {
            out.key("linksNamingAccount").begin_array();
            for (const LinkedItem& l : c.items)
                if (naming(l)) out.string(encoding::base64url_encode(l.item));
            out.end_array();
        }
        out.end_object();
        const crypto::Secret marker = out.take();
        if (marker.size() > 2) g.custom_data.push_back({std::string(collection_key), std::string(marker.view()), std::nullopt});
        carry_extensions(c.extensions, g.custom_data);
        return g;
    }

    // The bytes the extension kept go to the database, whose pool borrows them.
    PoolInfo read_pool(const JsonDoc& doc, const json::Cursor& o) {
        PoolInfo info;
        info.size = doc.index(o, "size").value_or(0);
        info.explicit_order = doc.optional_boolean(o, "explicit").value_or(false);
        if (const auto list = doc.optional_array(o, "protect"))
            for (const json::Cursor i : list->elements()) info.protect.push_back(doc.index(i));
        if (const auto list = doc.optional_array(o, "binaries"))
            for (const json::Cursor b : list->elements())
                kept_bytes()[doc.index(b, "index").value_or(0)] = doc.secure_bytes(b, "data").value_or(crypto::SecureBytes{});
        return info;
    }

    void restore_recycle_bin(const JsonDoc& doc, const json::Cursor& o, Planned& root) {
        kdbx::Group bin;
        if (const auto g = doc.optional_object(o, "group")) bin = read_group(doc, *g);
        for_each_ref(bin, [&](kdbx::BinaryRef& ref) {
            const auto found = kept_bytes().find(ref.index);
            ref.index = staging_.add(found == kept_bytes().end() ? ByteView() : ByteView(found->second), ref.index);
        });
        const kdbx::Uuid parent = doc.uuid(o, "parent").value_or(root.group.uuid);
        const std::size_t index = doc.index(o, "index").value_or(0);
        Planned* target = find_group(root, parent);
        if (!target) target = &root;
        const std::size_t at = std::min(index, target->children.size());
        target->children.insert(target->children.begin() + static_cast<std::ptrdiff_t>(at), Planned{std::move(bin), {}, {}});
    }

    static Planned* find_group(Planned& g, const kdbx::Uuid& uuid) {
        if (g.group.uuid == uuid) return &g;
        for (Planned& child : g.children)
            if (Planned* found = find_group(child, uuid)) return found;
        return nullptr;
    }

    // The pool as the file had it when every attachment still knows its place there; else each
    // distinct content once, in document order.
    // `refs`: the staged attachments entries refer to, in document order.
    void build_pool(const std::vector<std::size_t>& refs) {
        std::vector<std::size_t>& final_index = out_.pool_index_;
        final_index.assign(staging_.blobs.size(), 0);
        std::vector<ByteView> pool;
        if (!explicit_pool(pool, final_index)) {
            pool.clear();
            std::map<ByteView, std::size_t, ByteOrder> seen;
            for (const std::size_t staged : refs) {
                const ByteView blob = staging_.blobs[staged];
                const auto [it, added] = seen.emplace(blob, pool.size());
                if (added) pool.push_back(blob);
                final_index[staged] = it->second;
            }
        }
        for_each_ref(db_.root, [&](kdbx::BinaryRef& ref) { ref.index = final_index[ref.index]; });
        // Each blob is the model's or kept_bytes(): both outlive the database.
        for (const ByteView blob : pool) db_.binaries.push_back(kdbx::Binary::borrowing(blob));
        for (const std::size_t i : pool_.protect)
            if (i < db_.binaries.size()) db_.binaries[i].protect = true;
    }

    bool explicit_pool(std::vector<ByteView>& pool, std::vector<std::size_t>& final_index) const {
        // Every slot is filled by an attachment or by bytes kept in the extension, or the order is lost.
        if (!pool_.explicit_order || pool_.size > staging_.blobs.size() + kept_bytes().size()) return false;
        std::vector<std::optional<ByteView>> slots(pool_.size);
        for (std::size_t s = 0; s < staging_.blobs.size(); ++s) {
            const auto hint = staging_.pool_hints[s];
            if (!hint || *hint >= slots.size()) return false;
            if (slots[*hint] && !crypto::equal_ct(*slots[*hint], staging_.blobs[s])) return false;
            slots[*hint] = staging_.blobs[s];
            final_index[s] = *hint;
        }
        for (const auto& [i, bytes] : kept_bytes())
            if (i < slots.size() && !slots[i]) slots[i] = ByteView(bytes);
        for (const auto& slot : slots) {
            if (!slot) return false;
            pool.push_back(*slot);
        }
        return true;
    }

    const Vault& vault_;
    Report& report_;
    VaultDatabase& out_;
    kdbx::Database& db_;
    Time now_;
    Staging staging_;
    PoolInfo pool_;

    std::map<std::size_t, crypto::SecureBytes>& kept_bytes() const { return out_.kept_bytes_; }
};

VaultDatabase::VaultDatabase(const Vault& vault, Report& report, kdbx::Time now) : report_(&report), now_(now) {
    DatabaseBuilder(vault, report, *this).build();
}

kdbx::Entry VaultDatabase::map(const Slot& slot, PlainMemo& memo, Report& report, Staging& staging) const {
    WriteContext context{db_.meta, now_, report, staging};
    return write_entry(*slot.item, context, item_place(slot.account, slot.index), slot.position, memo);
}

// An item's entry as it is written: its second mapping when the first pass learned from it (the
// same entry, its report already made, its attachments staged afresh from 0 and referred to by their
// place in the pool), else its only one.
kdbx::Entry VaultDatabase::entry(const Slot& slot) const {
    Report again;
    Staging staging;
    PlainMemo memo = slot.memo;
    if (!slot.learned) slot.notices = Report{};  // an entry written twice reports once
    kdbx::Entry e = map(slot, memo, slot.learned ? again : slot.notices, staging);
    if (!slot.learned && (!staging.blobs.empty() || kdbx::needs_kdbx41(e)))
        throw std::logic_error("an item the first pass skipped stages attachments or needs KDBX 4.1");
    for_each_ref_in_entry(e, [&](kdbx::BinaryRef& ref) { ref.index = pool_index_[slot.staged_from + ref.index]; });
    return e;
}

void VaultDatabase::report_items() const {
    for (const Slot* slot : document_order_)
        for (const Notice& notice : slot->notices.notices()) report_->add(notice);
}

void VaultDatabase::entries(const kdbx::Group& group, const std::function<void(const kdbx::Entry&)>& write) const {
    const auto found = slots_.find(&group);
    if (found == slots_.end()) return;
    for (const Slot& slot : found->second) write(entry(slot));
}

kdbx::Database VaultDatabase::whole() && {
    for (kdbx::Binary& b : db_.binaries)  // the whole database holds its own bytes
        if (b.borrowed) b.data = crypto::secure_copy(*std::exchange(b.borrowed, std::nullopt));
    const std::function<void(kdbx::Group&)> gather = [&](kdbx::Group& g) {
        if (const auto found = slots_.find(&g); found != slots_.end())
            for (const Slot& slot : found->second) g.entries.push_back(entry(slot));
        for (kdbx::Group& child : g.groups) gather(child);
    };
    gather(db_.root);
    report_items();
    document_order_.clear();
    slots_.clear();
    return std::move(db_);
}

kdbx::Uuid uuid_for(const Id& id) {
    kdbx::Uuid uuid{};
    if (id.size() == uuid.size()) {
        std::copy(id.begin(), id.end(), uuid.begin());
        return uuid;
    }
    // A name-based UUID (RFC 4122 §4.3 shape, SHA-256 in place of SHA-1): the same id gives the same UUID.
    const crypto::SecureBytes digest = crypto::sha256({id});
    std::copy_n(digest.begin(), uuid.size(), uuid.begin());
    uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0F) | 0x50);
    uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3F) | 0x80);
    return uuid;
}

kdbx::Time write_time(Timestamp now) {
    return Time::from_unix(now != 0 ? now : static_cast<Timestamp>(std::time(nullptr)));
}

kdbx::Database to_database(const Vault& vault, Report& report, Timestamp now) {
    return VaultDatabase(vault, report, write_time(now)).whole();
}

}  // namespace cxf::kdbx_map
