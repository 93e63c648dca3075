// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/kdbx_json.h"

#include <pugixml.hpp>

namespace cxf::kdbx_map {

namespace {

using kdbx::Time;
using kdbx::nil_uuid;

void write_times(json::Builder& out, const kdbx::Times& t, bool full) {
    const kdbx::Times fresh = fresh_times(t.creation, t.last_modification);
    if (!full && t == fresh) return;
    out.key("times").begin_object();
    if (full) {
        write_time(out.key("creation"), t.creation);
        write_time(out.key("modification"), t.last_modification);
    }
    if (t.last_access != fresh.last_access) write_time(out.key("access"), t.last_access);
    if (t.expiry != fresh.expiry) write_time(out.key("expiry"), t.expiry);
    if (t.expires) out.key("expires").boolean(true);
    if (t.usage_count != 0) out.key("usage").unsigned_integer(t.usage_count);
    if (t.location_changed != fresh.location_changed) write_time(out.key("locationChanged"), t.location_changed);
    out.end_object();
}

// Non-full: `t` already holds the creation and modification times from the model.
void read_times(const JsonDoc& doc, const json::Cursor& parent, kdbx::Times& t, bool full) {
    const auto times = doc.optional_object(parent, "times");
    if (full && times) {
        t.creation = doc.time(*times, "creation").value_or(Time{});
        t.last_modification = doc.time(*times, "modification").value_or(Time{});
    }
    t = fresh_times(t.creation, t.last_modification);
    if (!times) return;
    if (auto v = doc.time(*times, "access")) t.last_access = *v;
    if (auto v = doc.time(*times, "expiry")) t.expiry = *v;
    if (auto v = doc.optional_boolean(*times, "expires")) t.expires = *v;
    if (auto v = doc.optional_integer(*times, "usage")) t.usage_count = static_cast<std::uint64_t>(*v);
    if (auto v = doc.time(*times, "locationChanged")) t.location_changed = *v;
}

void write_tags(json::Builder& out, const std::vector<std::string>& tags) {
    if (tags.empty()) return;
    out.key("tags").begin_array();
    for (const std::string& tag : tags) out.string(tag);
    out.end_array();
}

std::vector<std::string> read_tags(const JsonDoc& doc, const json::Cursor& parent) {
    std::vector<std::string> tags;
    if (const auto list = doc.optional_array(parent, "tags"))
        for (const json::Cursor t : list->elements()) tags.emplace_back(doc.string(t));
    return tags;
}

void write_auto_type(json::Builder& out, const kdbx::AutoType& a) {
    if (a == kdbx::AutoType{}) return;
    out.key("autoType").begin_object();
    out.key("enabled").boolean(a.enabled);
    out.key("obfuscation").integer(a.obfuscation);
    out.key("sequence").string(a.default_sequence);
    out.key("associations").begin_array();
    for (const kdbx::AutoTypeAssociation& assoc : a.associations) {
        out.begin_array();
        out.string(assoc.window);
        out.string(assoc.sequence);
        out.end_array();
    }
    out.end_array();
    out.end_object();
}

kdbx::AutoType read_auto_type(const JsonDoc& doc, const json::Cursor& parent) {
    kdbx::AutoType a;
    const auto object = doc.optional_object(parent, "autoType");
    if (!object) return a;
    a.enabled = doc.optional_boolean(*object, "enabled").value_or(true);
    a.obfuscation = static_cast<std::int32_t>(doc.optional_integer(*object, "obfuscation").value_or(0));
    a.default_sequence = std::string(doc.optional_string(*object, "sequence").value_or(""));
    if (const auto list = doc.optional_array(*object, "associations")) {
        for (const json::Cursor pair : list->elements()) {
            if (!pair.is_array() || pair.size() != 2) doc.fail(pair, "a [window, sequence] pair");
            auto it = pair.elements().begin();
            kdbx::AutoTypeAssociation assoc;
            assoc.window = std::string(doc.string(*it));
            ++it;
            assoc.sequence = std::string(doc.string(*it));
            a.associations.push_back(std::move(assoc));
        }
    }
    return a;
}

void write_uuid_unless_nil(json::Builder& out, std::string_view key, const kdbx::Uuid& uuid) {
    if (uuid != nil_uuid) write_uuid(out.key(key), uuid);
}

void write_strings(json::Builder& out, const std::vector<kdbx::StringField>& strings) {
    out.key("strings").begin_array();
    for (const kdbx::StringField& s : strings) {
        out.begin_array();
        out.string(s.key);
        out.string(s.value.view());
        out.boolean(s.protect);
        out.end_array();
    }
    out.end_array();
}

std::vector<kdbx::StringField> read_strings(const JsonDoc& doc, const json::Cursor& parent) {
    std::vector<kdbx::StringField> strings;
    const auto list = doc.optional_array(parent, "strings");
    if (!list) return strings;
    for (const json::Cursor s : list->elements()) {
        if (!s.is_array() || s.size() != 3) doc.fail(s, "a [key, value, protected] triple");
        auto it = s.elements().begin();
        kdbx::StringField field;
        field.key = std::string(doc.string(*it));
        field.value = crypto::Secret(doc.string(*++it));
        field.protect = doc.boolean(*++it);
        strings.push_back(std::move(field));
    }
    return strings;
}

void write_binary_refs(json::Builder& out, const std::vector<kdbx::BinaryRef>& refs) {
    if (refs.empty()) return;
    out.key("binaries").begin_array();
    for (const kdbx::BinaryRef& ref : refs) {
        out.begin_array();
        out.string(ref.key);
        out.unsigned_integer(ref.index);
        out.end_array();
    }
    out.end_array();
}

std::vector<kdbx::BinaryRef> read_binary_refs(const JsonDoc& doc, const json::Cursor& parent) {
    std::vector<kdbx::BinaryRef> refs;
    const auto list = doc.optional_array(parent, "binaries");
    if (!list) return refs;
    for (const json::Cursor r : list->elements()) {
        if (!r.is_array() || r.size() != 2) doc.fail(r, "a [name, pool index] pair");
        auto it = r.elements().begin();
        kdbx::BinaryRef ref;
        ref.key = std::string(doc.string(*it));
        ref.index = doc.index(*++it);
        refs.push_back(std::move(ref));
    }
    return refs;
}

}  // namespace

kdbx::Times fresh_times(Time creation, Time modification) {
    kdbx::Times t;
    t.creation = creation;
    t.last_modification = modification;
    t.last_access = modification;
    t.expiry = creation;
    t.location_changed = creation;
    return t;
}

namespace {

// An array of entries, every member of each.
void write_entries(json::Builder& out, std::string_view key, const std::vector<kdbx::Entry>& entries) {
    out.key(key).begin_array();
    for (const kdbx::Entry& e : entries) {
        out.begin_object();
        write_entry_members(out, e, true);
        out.end_object();
    }
    out.end_array();
}

// Appends every entry of a JSON array written by write_entries.
void read_entries(const JsonDoc& doc, const json::Cursor& array, std::vector<kdbx::Entry>& out) {
    for (const json::Cursor o : array.elements()) {
        if (!o.is_object()) doc.fail(o, "an entry");
        kdbx::Entry entry;
        read_entry_members(doc, o, entry, true);
        out.push_back(std::move(entry));
    }
}

}  // namespace

void write_entry_members(json::Builder& out, const kdbx::Entry& e, bool full) {
    if (full) write_uuid(out.key("uuid"), e.uuid);
    if (e.icon_id != 0) out.key("icon").integer(e.icon_id);
    write_uuid_unless_nil(out, "customIcon", e.custom_icon);
    if (!e.foreground_color.empty()) out.key("foreground").string(e.foreground_color);
    if (!e.background_color.empty()) out.key("background").string(e.background_color);
    if (!e.override_url.empty()) out.key("overrideUrl").string(e.override_url);
    if (!e.quality_check) out.key("qualityCheck").boolean(false);
    if (full) write_tags(out, e.tags);
    write_uuid_unless_nil(out, "previousParent", e.previous_parent_group);
    write_times(out, e.times, full);
    if (full) {
        write_strings(out, e.strings);
        write_binary_refs(out, e.binaries);
    }
    write_auto_type(out, e.auto_type);
    if (!e.custom_data.empty()) {
        out.key("customData");
        write_custom_data(out, e.custom_data);
    }
    if (full && !e.history.empty()) write_entries(out, "history", e.history);
    if (!e.unknown.empty()) {
        out.key("unknown");
        write_unknown(out, e.unknown);
    }
}

void read_entry_members(const JsonDoc& doc, const json::Cursor& o, kdbx::Entry& e, bool full) {
    if (full) e.uuid = doc.uuid(o, "uuid").value_or(nil_uuid);
    e.icon_id = static_cast<std::int32_t>(doc.optional_integer(o, "icon").value_or(0));
    e.custom_icon = doc.uuid(o, "customIcon").value_or(nil_uuid);
    e.foreground_color = std::string(doc.optional_string(o, "foreground").value_or(""));
    e.background_color = std::string(doc.optional_string(o, "background").value_or(""));
    e.override_url = std::string(doc.optional_string(o, "overrideUrl").value_or(""));
    e.quality_check = doc.optional_boolean(o, "qualityCheck").value_or(true);
    if (full) e.tags = read_tags(doc, o);
    e.previous_parent_group = doc.uuid(o, "previousParent").value_or(nil_uuid);
    read_times(doc, o, e.times, full);
    if (full) {
        e.strings = read_strings(doc, o);
        e.binaries = read_binary_refs(doc, o);
    }
    e.auto_type = read_auto_type(doc, o);
    if (const auto data = doc.optional_array(o, "customData")) e.custom_data = read_custom_data(doc, *data);
    if (full) {
        if (const auto history = doc.optional_array(o, "history")) read_entries(doc, *history, e.history);
    }
    if (const auto unknown = doc.optional_array(o, "unknown")) e.unknown = read_unknown(doc, *unknown);
}

void write_group_members(json::Builder& out, const kdbx::Group& g, bool full) {
    const kdbx::Group fresh;
    if (full) {
        write_uuid(out.key("uuid"), g.uuid);
        out.key("name").string(g.name);
        out.key("notes").string(g.notes);
    }
    if (g.icon_id != fresh.icon_id) out.key("icon").integer(g.icon_id);
    write_uuid_unless_nil(out, "customIcon", g.custom_icon);
    write_times(out, g.times, full);
    if (!g.is_expanded) out.key("expanded").boolean(false);
    if (!g.default_auto_type_sequence.empty()) out.key("autoTypeSequence").string(g.default_auto_type_sequence);
    if (g.enable_auto_type) out.key("autoType").boolean(*g.enable_auto_type);
    if (g.enable_searching) out.key("searching").boolean(*g.enable_searching);
    write_uuid_unless_nil(out, "lastTopVisibleEntry", g.last_top_visible_entry);
    write_tags(out, g.tags);
    write_uuid_unless_nil(out, "previousParent", g.previous_parent_group);
    if (!g.custom_data.empty()) {
        out.key("customData");
        write_custom_data(out, g.custom_data);
    }
    if (!g.unknown.empty()) {
        out.key("unknown");
        write_unknown(out, g.unknown);
    }
}

void write_group(json::Builder& out, const kdbx::Group& g) {
    write_group_members(out, g, true);
    write_entries(out, "entries", g.entries);
    out.key("groups").begin_array();
    for (const kdbx::Group& child : g.groups) {
        out.begin_object();
        write_group(out, child);
        out.end_object();
    }
    out.end_array();
}

void read_group_members(const JsonDoc& doc, const json::Cursor& o, kdbx::Group& g, bool full) {
    const kdbx::Group fresh;
    if (full) {
        g.uuid = doc.uuid(o, "uuid").value_or(nil_uuid);
        g.name = std::string(doc.optional_string(o, "name").value_or(""));
        g.notes = std::string(doc.optional_string(o, "notes").value_or(""));
    }
    g.icon_id = static_cast<std::int32_t>(doc.optional_integer(o, "icon").value_or(fresh.icon_id));
    g.custom_icon = doc.uuid(o, "customIcon").value_or(nil_uuid);
    read_times(doc, o, g.times, full);
    g.is_expanded = doc.optional_boolean(o, "expanded").value_or(true);
    g.default_auto_type_sequence = std::string(doc.optional_string(o, "autoTypeSequence").value_or(""));
    g.enable_auto_type = doc.optional_boolean(o, "autoType");
    g.enable_searching = doc.optional_boolean(o, "searching");
    g.last_top_visible_entry = doc.uuid(o, "lastTopVisibleEntry").value_or(nil_uuid);
    g.tags = read_tags(doc, o);
    g.previous_parent_group = doc.uuid(o, "previousParent").value_or(nil_uuid);
    if (const auto data = doc.optional_array(o, "customData")) g.custom_data = read_custom_data(doc, *data);
    if (const auto unknown = doc.optional_array(o, "unknown")) g.unknown = read_unknown(doc, *unknown);
}

kdbx::Group read_group(const JsonDoc& doc, const json::Cursor& o) {
    kdbx::Group g;
    read_group_members(doc, o, g, true);
    if (const auto entries = doc.optional_array(o, "entries")) read_entries(doc, *entries, g.entries);
    if (const auto groups = doc.optional_array(o, "groups")) {
        for (const json::Cursor c : groups->elements()) {
            if (!c.is_object()) doc.fail(c, "a group");
            g.groups.push_back(read_group(doc, c));
        }
    }
    return g;
}

void write_meta(json::Builder& out, const kdbx::Meta& m) {
    out.key("generator").string(m.generator);
    if (m.settings_changed) write_time(out.key("settingsChanged"), *m.settings_changed);
    out.key("databaseName").string(m.database_name);
    write_time(out.key("databaseNameChanged"), m.database_name_changed);
    out.key("databaseDescription").string(m.database_description);
    write_time(out.key("databaseDescriptionChanged"), m.database_description_changed);
    out.key("defaultUserName").string(m.default_user_name);
    write_time(out.key("defaultUserNameChanged"), m.default_user_name_changed);
    out.key("maintenanceHistoryDays").integer(m.maintenance_history_days);
    out.key("color").string(m.color);
    write_time(out.key("masterKeyChanged"), m.master_key_changed);
    out.key("masterKeyChangeRec").integer(m.master_key_change_rec);
    out.key("masterKeyChangeForce").integer(m.master_key_change_force);
    out.key("masterKeyChangeForceOnce").boolean(m.master_key_change_force_once);
    out.key("memoryProtection").begin_object();
    out.key("title").boolean(m.memory_protection.title);
    out.key("userName").boolean(m.memory_protection.user_name);
    out.key("password").boolean(m.memory_protection.password);
    out.key("url").boolean(m.memory_protection.url);
    out.key("notes").boolean(m.memory_protection.notes);
    out.end_object();
    out.key("customIcons").begin_array();
    for (const kdbx::CustomIcon& icon : m.custom_icons) {
        out.begin_object();
        write_uuid(out.key("uuid"), icon.uuid);
        write_bytes(out.key("data"), icon.data);
        if (!icon.name.empty()) out.key("name").string(icon.name);
        if (icon.last_modified) write_time(out.key("modified"), *icon.last_modified);
        out.end_object();
    }
    out.end_array();
    out.key("recycleBinEnabled").boolean(m.recycle_bin_enabled);
    write_uuid(out.key("recycleBinUuid"), m.recycle_bin_uuid);
    write_time(out.key("recycleBinChanged"), m.recycle_bin_changed);
    write_uuid(out.key("entryTemplatesGroup"), m.entry_templates_group);
    write_time(out.key("entryTemplatesGroupChanged"), m.entry_templates_group_changed);
    out.key("historyMaxItems").integer(m.history_max_items);
    out.key("historyMaxSize").integer(m.history_max_size);
    write_uuid(out.key("lastSelectedGroup"), m.last_selected_group);
    write_uuid(out.key("lastTopVisibleGroup"), m.last_top_visible_group);
    out.key("customData");
    write_custom_data(out, m.custom_data);
    out.key("unknown");
    write_unknown(out, m.unknown);
}

kdbx::Meta read_meta(const JsonDoc& doc, const json::Cursor& o) {
    kdbx::Meta m;
    const auto text = [&](std::string_view key) { return std::string(doc.optional_string(o, key).value_or("")); };
    const auto time = [&](std::string_view key) { return doc.time(o, key).value_or(Time{}); };
    m.generator = text("generator");
    m.settings_changed = doc.time(o, "settingsChanged");
    m.database_name = text("databaseName");
    m.database_name_changed = time("databaseNameChanged");
    m.database_description = text("databaseDescription");
    m.database_description_changed = time("databaseDescriptionChanged");
    m.default_user_name = text("defaultUserName");
    m.default_user_name_changed = time("defaultUserNameChanged");
    m.maintenance_history_days = static_cast<std::int32_t>(doc.optional_integer(o, "maintenanceHistoryDays").value_or(365));
    m.color = text("color");
    m.master_key_changed = time("masterKeyChanged");
    m.master_key_change_rec = doc.optional_integer(o, "masterKeyChangeRec").value_or(-1);
    m.master_key_change_force = doc.optional_integer(o, "masterKeyChangeForce").value_or(-1);
    m.master_key_change_force_once = doc.optional_boolean(o, "masterKeyChangeForceOnce").value_or(false);
    if (const auto p = doc.optional_object(o, "memoryProtection")) {
        m.memory_protection.title = doc.optional_boolean(*p, "title").value_or(false);
        m.memory_protection.user_name = doc.optional_boolean(*p, "userName").value_or(false);
        m.memory_protection.password = doc.optional_boolean(*p, "password").value_or(true);
        m.memory_protection.url = doc.optional_boolean(*p, "url").value_or(false);
        m.memory_protection.notes = doc.optional_boolean(*p, "notes").value_or(false);
    }
    if (const auto icons = doc.optional_array(o, "customIcons")) {
        for (const json::Cursor i : icons->elements()) {
            if (!i.is_object()) doc.fail(i, "a custom icon");
            kdbx::CustomIcon icon;
            icon.uuid = doc.uuid(i, "uuid").value_or(nil_uuid);
            icon.data = doc.bytes(i, "data").value_or(Bytes{});
            icon.name = std::string(doc.optional_string(i, "name").value_or(""));
            icon.last_modified = doc.time(i, "modified");
            m.custom_icons.push_back(std::move(icon));
        }
    }
    m.recycle_bin_enabled = doc.optional_boolean(o, "recycleBinEnabled").value_or(true);
    m.recycle_bin_uuid = doc.uuid(o, "recycleBinUuid").value_or(nil_uuid);
    m.recycle_bin_changed = time("recycleBinChanged");
    m.entry_templates_group = doc.uuid(o, "entryTemplatesGroup").value_or(nil_uuid);
    m.entry_templates_group_changed = time("entryTemplatesGroupChanged");
    m.history_max_items = static_cast<std::int32_t>(doc.optional_integer(o, "historyMaxItems").value_or(10));
    m.history_max_size = doc.optional_integer(o, "historyMaxSize").value_or(6 << 20);
    m.last_selected_group = doc.uuid(o, "lastSelectedGroup").value_or(nil_uuid);
    m.last_top_visible_group = doc.uuid(o, "lastTopVisibleGroup").value_or(nil_uuid);
    if (const auto data = doc.optional_array(o, "customData")) m.custom_data = read_custom_data(doc, *data);
    if (const auto unknown = doc.optional_array(o, "unknown")) m.unknown = read_unknown(doc, *unknown);
    return m;
}

void write_custom_data(json::Builder& out, const kdbx::CustomData& data) {
    out.begin_array();
    for (const kdbx::CustomDataItem& item : data) {
        out.begin_object();
        out.key("key").string(item.key);
        out.key("value").string(item.value);
        if (item.last_modified) write_time(out.key("modified"), *item.last_modified);
        out.end_object();
    }
    out.end_array();
}

kdbx::CustomData read_custom_data(const JsonDoc& doc, const json::Cursor& array) {
    kdbx::CustomData data;
    for (const json::Cursor i : array.elements()) {
        if (!i.is_object()) doc.fail(i, "a CustomData item");
        kdbx::CustomDataItem item;
        item.key = std::string(doc.optional_string(i, "key").value_or(""));
        item.value = std::string(doc.optional_string(i, "value").value_or(""));
        item.last_modified = doc.time(i, "modified");
        data.push_back(std::move(item));
    }
    return data;
}

void write_unknown(json::Builder& out, const kdbx::UnknownElements& elements) {
    out.begin_array();
    for (const std::string& xml : elements) out.string(xml);
    out.end_array();
}

// The XML writer splices each one in as it is, so each must be one well-formed element and nothing
// beside it. Parsed as xml_read.cpp parses (no entity is expanded), keeping every kind of node.
kdbx::UnknownElements read_unknown(const JsonDoc& doc, const json::Cursor& array) {
    constexpr unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype |
                                 pugi::parse_declaration | pugi::parse_pi | pugi::parse_comments | pugi::parse_fragment;
    kdbx::UnknownElements elements;
    for (const json::Cursor e : array.elements()) {
        const std::string_view xml = doc.string(e);
        pugi::xml_document parsed;
        if (!parsed.load_buffer(xml.data(), xml.size(), options, pugi::encoding_utf8) ||
            parsed.first_child().type() != pugi::node_element || parsed.first_child() != parsed.last_child())
            doc.fail(e, "one XML element");
        elements.emplace_back(xml);
    }
    return elements;
}

void write_deleted_objects(json::Builder& out, const std::vector<kdbx::DeletedObject>& objects) {
    out.begin_array();
    for (const kdbx::DeletedObject& d : objects) {
        out.begin_object();
        write_uuid(out.key("uuid"), d.uuid);
        write_time(out.key("time"), d.deletion_time);
        out.end_object();
    }
    out.end_array();
}

std::vector<kdbx::DeletedObject> read_deleted_objects(const JsonDoc& doc, const json::Cursor& array) {
    std::vector<kdbx::DeletedObject> objects;
    for (const json::Cursor d : array.elements()) {
        if (!d.is_object()) doc.fail(d, "a deleted object");
        objects.push_back({doc.uuid(d, "uuid").value_or(nil_uuid), doc.time(d, "time").value_or(Time{})});
    }
    return objects;
}

void write_variant_map(json::Builder& out, const kdbx::VariantMap& map) {
    out.begin_array();
    for (const kdbx::Variant& v : map) {
        out.begin_object();
        out.key("name").string(v.name);
        out.key("type").integer(static_cast<std::uint8_t>(v.type));
        write_bytes(out.key("value"), v.value);
        out.end_object();
    }
    out.end_array();
}

kdbx::VariantMap read_variant_map(const JsonDoc& doc, const json::Cursor& array) {
    kdbx::VariantMap map;
    for (const json::Cursor v : array.elements()) {
        if (!v.is_object()) doc.fail(v, "a variant");
        kdbx::Variant variant;
        variant.name = std::string(doc.optional_string(v, "name").value_or(""));
        if (const auto type = v.find("type")) {
            const std::int64_t byte = doc.integer(*type);
            if (byte < 0 || byte > 0xFF) doc.fail(*type, "a VariantDictionary type byte");
            variant.type = static_cast<kdbx::VariantType>(byte);
        }
        variant.value = doc.bytes(v, "value").value_or(Bytes{});
        if (const auto problem = kdbx::variant_problem(variant)) doc.fail(v, "a VariantDictionary record (" + *problem + ")");
        map.push_back(std::move(variant));
    }
    return map;
}

}  // namespace cxf::kdbx_map
