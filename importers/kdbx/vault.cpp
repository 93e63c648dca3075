// SPDX-License-Identifier: MIT
// Database → vault: the root group and groups cxf marked as accounts → accounts, other groups →
// collections, entries → items; Meta, the recycle bin, deleted objects and the pool → extensions.
#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <string_view>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/kdbx/background_visitor.h"
#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/entry_source.h"
#include "cxf/kdbx/map/kdbx_json.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/pool.h"
#include "importers/kdbx/entry.h"
#include "importers/kdbx/id_set.h"
#include "importers/kdbx/read.h"

namespace cxf::kdbx_map {

namespace {

const kdbx::CustomDataItem* custom(const kdbx::CustomData& data, std::string_view key) {
    for (const kdbx::CustomDataItem& item : data)
        if (item.key == key) return &item;
    return nullptr;
}

void drop(kdbx::CustomData& data, std::string_view key) {
    std::erase_if(data, [&](const kdbx::CustomDataItem& d) { return d.key == key; });
}

Id uuid_id(const kdbx::Uuid& uuid) { return Id(uuid.begin(), uuid.end()); }

// A stand-in for an id an earlier entry already holds: the same every time the file is read.
kdbx::Uuid derived_uuid(ByteView original, std::size_t position) {
    const std::string salt = "cxf duplicate entry " + std::to_string(position);
    const crypto::SecureBytes hash = crypto::sha256({original, as_bytes(salt)});
    kdbx::Uuid uuid;
    std::copy_n(hash.begin(), uuid.size(), uuid.begin());
    return uuid;
}

Id id_of(const JsonDoc& doc, const json::Cursor& value) {
    auto bytes = encoding::base64url_decode(doc.string(value));
    if (!bytes) doc.fail(value, "a base64url id");
    return std::move(*bytes);
}

Id id_member(const JsonDoc& doc, const json::Cursor& o, std::string_view key, Id fallback) {
    const auto text = doc.optional_string(o, key);
    if (!text) return fallback;
    auto bytes = encoding::base64url_decode(*text);
    if (!bytes) doc.fail(*o.find(key), "a base64url id");
    return std::move(*bytes);
}

std::optional<std::string> text_member(const JsonDoc& doc, const json::Cursor& o, std::string_view key) {
    const auto text = doc.optional_string(o, key);
    return text ? std::optional<std::string>(*text) : std::nullopt;
}

void account_members(const kdbx::CustomData& data, Account& account) {
    const kdbx::CustomDataItem* item = custom(data, account_key);
    if (!item) return;
    const JsonDoc doc(item->value, "CustomData " + std::string(account_key));
    account.id = id_member(doc, doc.root(), "id", account.id);
    account.username = std::string(doc.optional_string(doc.root(), "username").value_or(""));
    account.email = std::string(doc.optional_string(doc.root(), "email").value_or(""));
    account.full_name = text_member(doc, doc.root(), "fullName");
}

// A copy of an entry (its values are Secrets, which copy only on purpose).
kdbx::Entry clone(const kdbx::Entry& e) {
    kdbx::Entry c;
    c.uuid = e.uuid;
    c.icon_id = e.icon_id;
    c.custom_icon = e.custom_icon;
    c.foreground_color = e.foreground_color;
    c.background_color = e.background_color;
    c.override_url = e.override_url;
    c.quality_check = e.quality_check;
    c.tags = e.tags;
    c.previous_parent_group = e.previous_parent_group;
    c.times = e.times;
    for (const kdbx::StringField& s : e.strings) c.strings.push_back({s.key, s.value.clone(), s.protect});
    c.binaries = e.binaries;
    c.auto_type = e.auto_type;
    c.custom_data = e.custom_data;
    for (const kdbx::Entry& old : e.history) c.history.push_back(clone(old));
    c.unknown = e.unknown;
    return c;
}

enum class FrameKind : std::uint8_t { account, collection, bin };

// The vault built as the database streams by: each entry becomes an item when it arrives.
class VaultReader final : public kdbx::DatabaseVisitor {
public:
    explicit VaultReader(Report& report) : report_(report) {}

    void meta(const kdbx::Meta& meta, std::vector<kdbx::Binary> pool) override {
        meta_ = &meta;
        pool_ = std::move(pool);
        recycle_bin_ = meta.recycle_bin_enabled ? meta.recycle_bin_uuid : kdbx::nil_uuid;
        context_.emplace(EntryContext{meta, pool_, report_});
    }

    void binary(kdbx::Binary inline_binary) override { pool_.push_back(std::move(inline_binary)); }

    void begin_group(const kdbx::Group& g) override {
        if (frames_.empty()) {
            frames_.push_back(account_frame(g, "", meta_->custom_data));
            return;
        }
        Frame& parent = frames_.back();
        const std::size_t index = parent.subgroups++;
        const std::string path = parent.path + "/" + g.name;
        if (parent.kind == FrameKind::bin || (g.uuid == recycle_bin_ && recycle_bin_ != kdbx::nil_uuid)) {
            if (parent.kind != FrameKind::bin) {
                bin_parent_ = parent.uuid;
                bin_index_ = index;
            }
            frames_.emplace_back(FrameKind::bin, path, g.uuid);
        } else if (frames_.size() == 1 && custom(g.custom_data, account_key)) {
            frames_.push_back(account_frame(g, path, g.custom_data));
        } else {
            Frame f(FrameKind::collection, path, g.uuid);
            f.account_id = parent.account_id;
            f.items = parent.items;
            f.collection.id = uuid_id(g.uuid);
            f.collection.extensions = carried_extensions(g.custom_data, path, report_);
            frames_.push_back(std::move(f));
        }
    }

    void entry(kdbx::Entry e) override {
        Frame& f = frames_.back();
        note_refs(e);
        if (f.kind == FrameKind::bin) {
            f.bin.entries.push_back(std::move(e));
            return;
        }
        EntryReading r = read_item(e, f.path + "/" + title(e));
        keep_attachments(e, r);
        if (f.kind == FrameKind::collection) f.linked.push_back(r.item.id);
        f.items->emplace_back(r.position, std::move(r.item));
    }

    void end_group(kdbx::Group g) override {
        Frame f = std::move(frames_.back());
        frames_.pop_back();
        switch (f.kind) {
            case FrameKind::bin: {
                g.entries = std::move(f.bin.entries);
                g.groups = std::move(f.bin.groups);
                if (!frames_.empty() && frames_.back().kind == FrameKind::bin) {
                    frames_.back().bin.groups.push_back(std::move(g));
                } else {
                    bin_ = std::move(g);
                    report_skipped(*bin_, f.path);
                }
                return;
            }
            case FrameKind::collection: {
                Collection c = collection(std::move(f), g);
                frames_.back().add(std::move(c));
                return;
            }
            case FrameKind::account: {
                Account a = std::move(*f.account);
                a.items.reserve(f.own_items->size());
                // Items cxf wrote out of the vault's order (those in collections sit in groups) go back in
                // it. Their order is sorted, not the items: each moves once.
                Items& own = *f.own_items;
                const auto by_position = [](const Items::value_type& x, const Items::value_type& y) {
                    return x.first.value_or(SIZE_MAX) < y.first.value_or(SIZE_MAX);
                };
                if (std::is_sorted(own.begin(), own.end(), by_position)) {
                    // Read in order, as most vaults are: each block of `own` is released once moved.
                    for (; !own.empty(); own.pop_front()) a.items.push_back(std::move(own.front().second));
                } else {
                    std::vector<std::size_t> order(own.size());
                    std::iota(order.begin(), order.end(), std::size_t{0});
                    std::stable_sort(order.begin(), order.end(),
                                     [&](std::size_t x, std::size_t y) { return by_position(own[x], own[y]); });
                    for (const std::size_t i : order) a.items.push_back(std::move(own[i].second));
                }
                if (frames_.empty()) {
                    root_ = std::move(g);
                    first_ = std::move(a);
                    return;
                }
                drop(g.custom_data, account_key);
                drop(g.custom_data, extensions_key);
                json::add_extension(a.extensions, extension_name,
                                    json::extension_json(extension_name, [&](json::Builder& out) {
                                        out.key("group").begin_object();
                                        write_group_members(out, g, true);
                                        out.end_object();
                                    }));
                others_.push_back(std::move(a));
                return;
            }
        }
    }

    void end(kdbx::Database& rest) override {
        canonical_pool_ = in_order_ && next_ref_ == pool_.size() && distinct_contents(pool_);
        Vault vault;
        vault_members(rest.meta, vault);
        json::add_extension(first_.extensions, extension_name, first_account_extension(rest));
        vault.accounts.push_back(std::move(first_));
        for (Account& other : others_) vault.accounts.push_back(std::move(other));
        finish_attachments(vault);
        vault_ = std::move(vault);
    }

    Vault take() { return std::move(vault_); }

private:
    // A deque: growing it moves no item, and its blocks can be released as the items leave.
    using Items = std::deque<std::pair<std::optional<std::size_t>, Item>>;

    struct Frame {
        Frame(FrameKind k, std::string p, const kdbx::Uuid& u) : kind(k), path(std::move(p)), uuid(u) {}
        FrameKind kind;
        std::string path;
        kdbx::Uuid uuid;
        Id account_id;
        std::optional<Account> account;
        std::shared_ptr<Items> own_items;  // an account's, in the order they are read
        std::shared_ptr<Items> items;      // where this group's items go: its account's
        Collection collection;
        std::vector<Id> linked;  // a collection's items
        kdbx::Group bin;         // the recycle bin's entries and subgroups
        std::size_t subgroups = 0;

        void add(Collection c) {
            if (kind == FrameKind::account) account->collections.push_back(std::move(c));
            else collection.sub_collections.push_back(std::move(c));
        }
    };

    Frame account_frame(const kdbx::Group& g, const std::string& path, const kdbx::CustomData& marker) {
        Frame f(FrameKind::account, path, g.uuid);
        f.account.emplace();
        f.account->id = uuid_id(g.uuid);
        account_members(marker, *f.account);
        f.account->extensions = carried_extensions(marker, path.empty() ? "/" : path, report_);
        f.account_id = f.account->id;
        f.own_items = std::make_shared<Items>();
        f.items = f.own_items;
        return f;
    }

    Collection collection(Frame f, const kdbx::Group& g) {
        Collection c = std::move(f.collection);
        std::set<Id> naming_account;
        c.title = g.name;
        if (!g.notes.empty()) c.subtitle = g.notes;
        c.creation_at = g.times.creation.to_unix();
        c.modified_at = g.times.last_modification.to_unix();
        bool dated = true;
        if (const kdbx::CustomDataItem* item = custom(g.custom_data, collection_key)) {
            const JsonDoc doc(item->value, "CustomData " + std::string(collection_key));
            c.id = id_member(doc, doc.root(), "id", c.id);
            if (const auto subtitle = text_member(doc, doc.root(), "subtitle")) c.subtitle = subtitle;
            if (!doc.optional_boolean(doc.root(), "created").value_or(true)) c.creation_at.reset();
            if (!doc.optional_boolean(doc.root(), "modified").value_or(true)) c.modified_at.reset();
            dated = c.creation_at && c.modified_at;
            if (const auto links = doc.optional_array(doc.root(), "linksNamingAccount"))
                for (const json::Cursor l : links->elements()) naming_account.insert(id_of(doc, l));
        }
        for (Id& id : f.linked) {
            const bool naming = naming_account.contains(id);
            c.items.push_back(LinkedItem{std::move(id), naming ? std::optional(f.account_id) : std::nullopt});
        }
        kdbx::Group members = kdbx::group_members(g);
        drop(members.custom_data, collection_key);
        drop(members.custom_data, extensions_key);
        json::add_extension(c.extensions, extension_name, json::extension_json(extension_name, [&](json::Builder& out) {
            write_group_members(out, members, false);
            // The group's dates where the collection has none (cxf dated it when it wrote it).
            if (!dated) {
                write_time(out.key("creation"), g.times.creation);
                write_time(out.key("modification"), g.times.last_modification);
            }
        }));
        return c;
    }

    // Attachment references in document order: whether the pool is in cxf's order so far, and which
    // binaries something refers to.
    void note_refs(const kdbx::Entry& e) {
        referenced_.resize(pool_.size(), false);
        for_each_ref_in_entry(e, [&](const kdbx::BinaryRef& ref) {
            if (ref.index >= referenced_.size() || referenced_[ref.index]) return;
            referenced_[ref.index] = true;
            if (ref.index != next_ref_++) in_order_ = false;
        });
    }

    // An item's attachments, per version (the item, then its history), until the whole file is read:
    // its pool indices in the entry's order, which the item's extension keeps when the pool is not in
    // cxf's order, and those of its files that await their bytes, in the files' order.
    struct ItemAttachments {
        std::vector<std::vector<std::size_t>> pool_indices;
        std::vector<std::vector<std::size_t>> awaiting_bytes;
    };

    void keep_attachments(const kdbx::Entry& e, EntryReading& r) {
        bool any = !e.binaries.empty();
        for (const kdbx::Entry& old : e.history) any = any || !old.binaries.empty();
        if (!any) return;
        const auto indices = [](const kdbx::Entry& version) {
            std::vector<std::size_t> out;
            for (const kdbx::BinaryRef& ref : version.binaries) out.push_back(ref.index);
            return out;
        };
        ItemAttachments& kept = attachments_[r.item.id];
        kept.pool_indices.push_back(indices(e));
        for (const kdbx::Entry& old : e.history) kept.pool_indices.push_back(indices(old));
        for (const auto& version : r.awaiting_bytes)
            for (const std::size_t i : version) ++references_[i];
        kept.awaiting_bytes = std::move(r.awaiting_bytes);
    }

    // Once every reference is known: the pool indices go into the extensions when the pool is out of
    // cxf's order, and the files get their bytes. Each binary moves into the last file that refers to
    // it and is copied into the others, so that one referred to once is never held twice (with large
    // attachments, that copy was a third of the peak).
    void finish_attachments(Vault& vault) {
        for (Account& account : vault.accounts)
            for (Item& item : account.items) {
                const auto found = attachments_.find(item.id);
                if (found == attachments_.end()) continue;
                const ItemAttachments& kept = found->second;
                for (std::size_t v = 0; v <= item.history.size(); ++v) {
                    Item& version = v == 0 ? item : item.history[v - 1];
                    if (!canonical_pool_ && v < kept.pool_indices.size() && !kept.pool_indices[v].empty())
                        kdbx_map::add_pool_indices(version.extensions, kept.pool_indices[v]);
                    if (v < kept.awaiting_bytes.size()) give_bytes(version, kept.awaiting_bytes[v]);
                }
            }
    }

    void give_bytes(Item& version, const std::vector<std::size_t>& awaiting) {
        auto next = awaiting.begin();
        for (Credential& c : version.credentials) {
            File* file = std::get_if<File>(&c);
            if (!file || !awaits_bytes(*file) || next == awaiting.end()) continue;
            const std::size_t i = *next++;
            file->data = --references_[i] == 0 ? std::move(pool_[i].data) : crypto::secure_copy(pool_[i].data);
        }
    }

    void vault_members(const kdbx::Meta& meta, Vault& vault) const {
        const kdbx::CustomDataItem* item = custom(meta.custom_data, vault_key);
        if (!item) return;
        const JsonDoc doc(item->value, "CustomData " + std::string(vault_key));
        vault.exporter_rp_id = std::string(doc.optional_string(doc.root(), "exporterRpId").value_or(""));
        vault.exporter_display_name = std::string(doc.optional_string(doc.root(), "exporterDisplayName").value_or(""));
        vault.timestamp = doc.optional_integer(doc.root(), "timestamp");
        vault.bare_account = doc.optional_boolean(doc.root(), "bareAccount").value_or(false);
    }

    // Item ids must be unique, but some files give entries the same UUID: a repeat gets a new id
    // (derived from the old one and its position), and its attachments ids of their own.
    EntryReading read_item(const kdbx::Entry& e, const std::string& place) {
        const std::size_t position = items_read_++;
        bool rekeyed = !entry_uuids_.insert(e.uuid);
        EntryReading r = read_entry(e, *context_, place,
                                    rekeyed ? std::optional(derived_uuid(e.uuid, position)) : std::nullopt);
        if (!item_ids_.insert(r.item.id)) {
            r.item.id = uuid_id(derived_uuid(r.item.id, position));
            rekeyed = true;
            item_ids_.insert(r.item.id);
        }
        if (rekeyed) report_.changed(place, "the entry's UUID repeats an earlier entry's: it was given a new item id");
        return r;
    }

    void report_skipped(const kdbx::Group& g, const std::string& path) {
        for (const kdbx::Entry& e : g.entries)
            report_.skipped(path + "/" + title(e), title(e),
                            "in the recycle bin: not a live item; kept in the cxf.local/kdbx extension of the account");
        for (const kdbx::Group& child : g.groups) report_skipped(child, path + "/" + child.name);
    }

    static std::string title(const kdbx::Entry& e) {
        const kdbx::StringField* t = e.find(title_key);
        return t ? std::string(t->value.view()) : std::string();
    }

    crypto::Secret first_account_extension(const kdbx::Database& db) const {
        return json::extension_json(extension_name, [&](json::Builder& out) {
            kdbx::Meta meta = db.meta;
            drop(meta.custom_data, vault_key);
            drop(meta.custom_data, account_key);
            drop(meta.custom_data, extensions_key);
            out.key("meta").begin_object();
            write_meta(out, meta);
            out.end_object();
            out.key("root").begin_object();
            write_group_members(out, root_, true);
            out.end_object();
            out.key("deletedObjects");
            write_deleted_objects(out, db.deleted_objects);
            out.key("publicCustomData");
            write_variant_map(out, db.public_custom_data);
            out.key("unknown");
            write_unknown(out, db.unknown);
            out.key("rootUnknown");
            write_unknown(out, db.root_unknown);
            if (bin_) {
                out.key("recycleBin").begin_object();
                write_uuid(out.key("parent"), bin_parent_);
                out.key("index").unsigned_integer(bin_index_);
                out.key("group").begin_object();
                write_group(out, *bin_);
                out.end_object();
                out.end_object();
            }
            pool(out, pool_);
        });
    }

    // Pool facts the items cannot carry: protection flags, the order when it is not cxf's, and the
    // bytes only the recycle bin (or nothing) refers to.
    void pool(json::Builder& out, const std::vector<kdbx::Binary>& binaries) const {
        std::set<std::size_t> needed;
        if (bin_) for_each_ref(*bin_, [&](const kdbx::BinaryRef& ref) { needed.insert(ref.index); });
        for (std::size_t i = 0; i < binaries.size(); ++i)
            if (i >= referenced_.size() || !referenced_[i]) needed.insert(i);
        const bool any_protected = std::any_of(binaries.begin(), binaries.end(), [](const kdbx::Binary& b) { return b.protect; });
        if (needed.empty() && !any_protected && canonical_pool_) return;
        out.key("pool").begin_object();
        out.key("size").unsigned_integer(binaries.size());
        if (!canonical_pool_) out.key("explicit").boolean(true);
        out.key("protect").begin_array();
        for (std::size_t i = 0; i < binaries.size(); ++i)
            if (binaries[i].protect) out.unsigned_integer(i);
        out.end_array();
        out.key("binaries").begin_array();
        for (const std::size_t i : needed) {
            if (i >= binaries.size()) continue;
            out.begin_object();
            out.key("index").unsigned_integer(i);
            write_bytes(out.key("data"), binaries[i].data);
            out.end_object();
        }
        out.end_array();
        out.end_object();
    }

    Report& report_;
    const kdbx::Meta* meta_ = nullptr;
    std::vector<kdbx::Binary> pool_;
    std::optional<EntryContext> context_;
    kdbx::Uuid recycle_bin_{};
    std::vector<Frame> frames_;
    kdbx::Group root_;  // the root group's own members
    Account first_;
    std::optional<kdbx::Group> bin_;
    kdbx::Uuid bin_parent_{};
    std::size_t bin_index_ = 0;
    std::vector<Account> others_;
    std::vector<bool> referenced_;
    std::size_t next_ref_ = 0;
    bool in_order_ = true;
    bool canonical_pool_ = true;  // known at the end
    std::map<Id, ItemAttachments> attachments_;     // by item id
    std::map<std::size_t, std::size_t> references_;  // by pool index: the files that await its bytes
    IdSet entry_uuids_, item_ids_;
    std::size_t items_read_ = 0;
    Vault vault_;
};

// A database already in memory, handed to the reader as the stream would hand it.
void replay(const kdbx::Database& db, kdbx::DatabaseVisitor& visitor) {
    std::vector<kdbx::Binary> pool;
    for (const kdbx::Binary& b : db.binaries) pool.push_back({crypto::secure_copy(b.data), b.protect});
    visitor.meta(db.meta, std::move(pool));
    const auto group = [&](const auto& self, const kdbx::Group& g) -> void {
        kdbx::Group members = kdbx::group_members(g);
        visitor.begin_group(members);
        for (const kdbx::Entry& e : g.entries) visitor.entry(clone(e));
        for (const kdbx::Group& child : g.groups) self(self, child);
        visitor.end_group(std::move(members));
    };
    group(group, db.root);
    kdbx::Database rest;
    rest.meta = db.meta;
    rest.deleted_objects = db.deleted_objects;
    rest.public_custom_data = db.public_custom_data;
    rest.unknown = db.unknown;
    rest.root_unknown = db.root_unknown;
    visitor.end(rest);
}

}  // namespace

Vault read_stream(const std::function<void(kdbx::DatabaseVisitor&)>& read, Report& report) {
    Report notices;  // they reach `report` only from a read that succeeds
    VaultReader reader(notices);
    kdbx::BackgroundVisitor background(reader);
    background.run(read);
    for (const Notice& n : notices.notices()) report.add(n);
    return reader.take();
}

Vault read_database(const kdbx::Database& database, Report& report) {
    return read_stream([&](kdbx::DatabaseVisitor& visitor) { replay(database, visitor); }, report);
}

Vault read_file(ByteView file, const kdbx::CompositeKey& key, const Limits& limits, const std::string& name,
                Report& report) {
    return read_stream([&](kdbx::DatabaseVisitor& visitor) { kdbx::read(file, key, limits, name, visitor); }, report);
}

}  // namespace cxf::kdbx_map
