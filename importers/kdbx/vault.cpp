// SPDX-License-Identifier: MIT
// Database → vault: the root group and groups cxf marked as accounts → accounts, other groups →
// collections, entries → items; Meta, the recycle bin, deleted objects and the pool → extensions.
#include <algorithm>
#include <set>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/kdbx_json.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/pool.h"
#include "importers/kdbx/entry.h"
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

// A group's own members, without its entries and subgroups.
kdbx::Group group_members(const kdbx::Group& g) {
    kdbx::Group m;
    m.uuid = g.uuid;
    m.name = g.name;
    m.notes = g.notes;
    m.icon_id = g.icon_id;
    m.custom_icon = g.custom_icon;
    m.times = g.times;
    m.is_expanded = g.is_expanded;
    m.default_auto_type_sequence = g.default_auto_type_sequence;
    m.enable_auto_type = g.enable_auto_type;
    m.enable_searching = g.enable_searching;
    m.last_top_visible_entry = g.last_top_visible_entry;
    m.tags = g.tags;
    m.previous_parent_group = g.previous_parent_group;
    m.custom_data = g.custom_data;
    m.unknown = g.unknown;
    return m;
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

class VaultReader {
public:
    VaultReader(const kdbx::Database& db, Report& report)
        : db_(db),
          report_(report),
          context_{db.meta, db.binaries, canonical_pool(db), report},
          recycle_bin_(db.meta.recycle_bin_enabled ? db.meta.recycle_bin_uuid : kdbx::nil_uuid) {}

    Vault read() {
        Vault vault;
        vault_members(vault);
        Account first = account(db_.root, "", db_.meta.custom_data, true);
        json::add_extension(first.extensions, extension_name, first_account_extension());
        vault.accounts.push_back(std::move(first));
        for (Account& other : others_) vault.accounts.push_back(std::move(other));
        return vault;
    }

private:
    void vault_members(Vault& vault) const {
        const kdbx::CustomDataItem* item = custom(db_.meta.custom_data, vault_key);
        if (!item) return;
        const JsonDoc doc(item->value, "CustomData " + std::string(vault_key));
        vault.exporter_rp_id = std::string(doc.optional_string(doc.root(), "exporterRpId").value_or(""));
        vault.exporter_display_name = std::string(doc.optional_string(doc.root(), "exporterDisplayName").value_or(""));
        vault.timestamp = doc.optional_integer(doc.root(), "timestamp");
        vault.bare_account = doc.optional_boolean(doc.root(), "bareAccount").value_or(false);
    }

    // The root group (the first account) or a top-level group cxf marked as a further account.
    Account account(const kdbx::Group& g, const std::string& path, const kdbx::CustomData& marker, bool root) {
        Account a;
        a.id = uuid_id(g.uuid);
        account_members(marker, a);
        a.extensions = carried_extensions(marker, path.empty() ? "/" : path, report_);
        std::vector<std::pair<std::optional<std::size_t>, Item>> items;
        for (const kdbx::Entry& e : g.entries) {
            EntryReading r = read_item(e, path + "/" + title(e));
            items.emplace_back(r.position, std::move(r.item));
        }
        for (std::size_t i = 0; i < g.groups.size(); ++i) {
            const kdbx::Group& child = g.groups[i];
            const std::string child_path = path + "/" + child.name;
            if (child.uuid == recycle_bin_ && recycle_bin_ != kdbx::nil_uuid) {
                skip(child, child_path, g.uuid, i);
            } else if (root && custom(child.custom_data, account_key)) {
                Account other = account(child, child_path, child.custom_data, false);
                kdbx::Group members = group_members(child);
                drop(members.custom_data, account_key);
                drop(members.custom_data, extensions_key);
                json::add_extension(other.extensions, extension_name,
                                    json::extension_json(extension_name, [&](json::Builder& out) {
                                        out.key("group").begin_object();
                                        write_group_members(out, members, true);
                                        out.end_object();
                                    }));
                others_.push_back(std::move(other));
            } else {
                a.collections.push_back(collection(child, child_path, a.id, items));
            }
        }
        // Items cxf wrote out of the vault's order (those in collections sit in groups) go back in it.
        std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) {
            return x.first.value_or(SIZE_MAX) < y.first.value_or(SIZE_MAX);
        });
        for (auto& [position, item] : items) a.items.push_back(std::move(item));
        return a;
    }

    Collection collection(const kdbx::Group& g, const std::string& path, const Id& account_id,
                          std::vector<std::pair<std::optional<std::size_t>, Item>>& items) {
        Collection c;
        std::set<Id> naming_account;
        c.id = uuid_id(g.uuid);
        c.title = g.name;
        if (!g.notes.empty()) c.subtitle = g.notes;
        c.creation_at = g.times.creation.unix();
        c.modified_at = g.times.last_modification.unix();
        bool dated = true;
        c.extensions = carried_extensions(g.custom_data, path, report_);
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
        for (const kdbx::Entry& e : g.entries) {
            EntryReading r = read_item(e, path + "/" + title(e));
            c.items.push_back(LinkedItem{r.item.id, naming_account.contains(r.item.id) ? std::optional(account_id) : std::nullopt});
            items.emplace_back(r.position, std::move(r.item));
        }
        for (std::size_t i = 0; i < g.groups.size(); ++i) {
            const kdbx::Group& child = g.groups[i];
            if (child.uuid == recycle_bin_ && recycle_bin_ != kdbx::nil_uuid) skip(child, path + "/" + child.name, g.uuid, i);
            else c.sub_collections.push_back(collection(child, path + "/" + child.name, account_id, items));
        }
        kdbx::Group members = group_members(g);
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

    // Item ids must be unique, but some files give entries the same UUID: a repeat gets a new id
    // (derived from the old one and its position), and its attachments ids of their own.
    EntryReading read_item(const kdbx::Entry& e, const std::string& place) {
        const std::size_t position = items_read_++;
        bool rekeyed = !entry_uuids_.insert(e.uuid).second;
        EntryReading r = read_entry(e, context_, place,
                                    rekeyed ? std::optional(derived_uuid(e.uuid, position)) : std::nullopt);
        if (item_ids_.contains(r.item.id)) {
            r.item.id = uuid_id(derived_uuid(r.item.id, position));
            rekeyed = true;
        }
        item_ids_.insert(r.item.id);
        if (rekeyed) report_.changed(place, "the entry's UUID repeats an earlier entry's: it was given a new item id");
        return r;
    }

    void skip(const kdbx::Group& bin, const std::string& path, const kdbx::Uuid& parent, std::size_t index) {
        bin_ = &bin;
        bin_parent_ = parent;
        bin_index_ = index;
        report_skipped(bin, path);
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

    crypto::Secret first_account_extension() const {
        return json::extension_json(extension_name, [&](json::Builder& out) {
            kdbx::Meta meta = db_.meta;
            drop(meta.custom_data, vault_key);
            drop(meta.custom_data, account_key);
            drop(meta.custom_data, extensions_key);
            out.key("meta").begin_object();
            write_meta(out, meta);
            out.end_object();
            out.key("root").begin_object();
            write_group_members(out, db_.root, true);
            out.end_object();
            out.key("deletedObjects");
            write_deleted_objects(out, db_.deleted_objects);
            out.key("publicCustomData");
            write_variant_map(out, db_.public_custom_data);
            out.key("unknown");
            write_unknown(out, db_.unknown);
            out.key("rootUnknown");
            write_unknown(out, db_.root_unknown);
            if (bin_) {
                out.key("recycleBin").begin_object();
                write_uuid(out.key("parent"), bin_parent_);
                out.key("index").unsigned_integer(bin_index_);
                out.key("group").begin_object();
                write_group(out, *bin_);
                out.end_object();
                out.end_object();
            }
            pool(out);
        });
    }

    // Pool facts the items cannot carry: protection flags, the order when it is not cxf's, and the
    // bytes only the recycle bin (or nothing) refers to.
    void pool(json::Builder& out) const {
        std::set<std::size_t> needed;
        if (bin_) for_each_ref(*bin_, [&](const kdbx::BinaryRef& ref) { needed.insert(ref.index); });
        std::vector<bool> referenced(db_.binaries.size(), false);
        for_each_ref(db_.root, [&](const kdbx::BinaryRef& ref) {
            if (ref.index < referenced.size()) referenced[ref.index] = true;
        });
        for (std::size_t i = 0; i < referenced.size(); ++i)
            if (!referenced[i]) needed.insert(i);
        const bool any_protected = std::any_of(db_.binaries.begin(), db_.binaries.end(), [](const kdbx::Binary& b) { return b.protect; });
        if (needed.empty() && !any_protected && context_.canonical_pool) return;
        out.key("pool").begin_object();
        out.key("size").unsigned_integer(db_.binaries.size());
        if (!context_.canonical_pool) out.key("explicit").boolean(true);
        out.key("protect").begin_array();
        for (std::size_t i = 0; i < db_.binaries.size(); ++i)
            if (db_.binaries[i].protect) out.unsigned_integer(i);
        out.end_array();
        out.key("binaries").begin_array();
        for (const std::size_t i : needed) {
            if (i >= db_.binaries.size()) continue;
            out.begin_object();
            out.key("index").unsigned_integer(i);
            write_bytes(out.key("data"), db_.binaries[i].data);
            out.end_object();
        }
        out.end_array();
        out.end_object();
    }

    const kdbx::Database& db_;
    Report& report_;
    EntryContext context_;
    kdbx::Uuid recycle_bin_;
    const kdbx::Group* bin_ = nullptr;
    kdbx::Uuid bin_parent_{};
    std::size_t bin_index_ = 0;
    std::vector<Account> others_;
    std::set<kdbx::Uuid> entry_uuids_;
    std::set<Id> item_ids_;
    std::size_t items_read_ = 0;
};

}  // namespace

Vault read_database(const kdbx::Database& database, Report& report) { return VaultReader(database, report).read(); }

}  // namespace cxf::kdbx_map
