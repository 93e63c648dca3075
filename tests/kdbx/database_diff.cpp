// SPDX-License-Identifier: MIT
// Walks both databases member by member, collecting the paths that differ.
#include "tests/kdbx/database_diff.h"

#include <sstream>

#include "cxf/encoding/base64.h"

namespace test::kdbx {

namespace {

using namespace cxf::kdbx;

class Differ {
public:
    std::vector<std::string> out;

    void database(const Database& a, const Database& b) {
        meta("meta", a.meta, b.meta);
        group("root", a.root, b.root);
        list("deleted_objects", a.deleted_objects, b.deleted_objects,
             [&](const std::string& p, const DeletedObject& x, const DeletedObject& y) {
                 same(p + ".uuid", x.uuid, y.uuid);
                 same(p + ".deletion_time", x.deletion_time, y.deletion_time);
             });
        list("binaries", a.binaries, b.binaries, [&](const std::string& p, const Binary& x, const Binary& y) {
            if (x.data != y.data)
                out.push_back(p + ".data differs (" + std::to_string(x.data.size()) + " vs " +
                              std::to_string(y.data.size()) + " bytes)");
            same(p + ".protect", x.protect, y.protect);
        });
        list("public_custom_data", a.public_custom_data, b.public_custom_data,
             [&](const std::string& p, const Variant& x, const Variant& y) {
                 same(p + ".name", x.name, y.name);
                 same(p + ".type", static_cast<int>(x.type), static_cast<int>(y.type));
                 same(p + ".value", x.value, y.value);
             });
        same("unknown", a.unknown, b.unknown);
        same("root_unknown", a.root_unknown, b.root_unknown);
    }

private:
    static std::string show(const std::string& s) { return "'" + s + "'"; }
    static std::string show(bool b) { return b ? "true" : "false"; }
    template <typename T>
        requires std::is_integral_v<T>
    static std::string show(T v) { return std::to_string(v); }
    static std::string show(const Time& t) { return std::to_string(t.seconds); }
    static std::string show(const Uuid& u) { return cxf::encoding::base64_encode(u); }
    static std::string show(const cxf::Bytes& b) { return std::to_string(b.size()) + " bytes"; }
    static std::string show(const std::vector<std::string>& v) {
        std::string s = "[";
        for (const std::string& x : v) s += (s.size() > 1 ? ", " : "") + show(x);
        return s + "]";
    }
    template <typename T>
    static std::string show(const std::optional<T>& v) { return v ? show(*v) : "none"; }

    template <typename T>
    void same(const std::string& path, const T& a, const T& b) {
        if (!(a == b)) out.push_back(path + ": " + show(a) + " vs " + show(b));
    }

    template <typename T, typename F>
    void list(const std::string& path, const std::vector<T>& a, const std::vector<T>& b, F&& each) {
        if (a.size() != b.size())
            out.push_back(path + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " items");
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            each(path + "[" + std::to_string(i) + "]", a[i], b[i]);
    }

    void custom_data(const std::string& path, const CustomData& a, const CustomData& b) {
        list(path, a, b, [&](const std::string& p, const CustomDataItem& x, const CustomDataItem& y) {
            same(p + ".key", x.key, y.key);
            same(p + ".value", x.value, y.value);
            same(p + ".last_modified", x.last_modified, y.last_modified);
        });
    }

    void times(const std::string& p, const Times& a, const Times& b) {
        same(p + ".creation", a.creation, b.creation);
        same(p + ".last_modification", a.last_modification, b.last_modification);
        same(p + ".last_access", a.last_access, b.last_access);
        same(p + ".expiry", a.expiry, b.expiry);
        same(p + ".expires", a.expires, b.expires);
        same(p + ".usage_count", a.usage_count, b.usage_count);
        same(p + ".location_changed", a.location_changed, b.location_changed);
    }

    void meta(const std::string& p, const Meta& a, const Meta& b) {
        same(p + ".generator", a.generator, b.generator);
        same(p + ".settings_changed", a.settings_changed, b.settings_changed);
        same(p + ".database_name", a.database_name, b.database_name);
        same(p + ".database_name_changed", a.database_name_changed, b.database_name_changed);
        same(p + ".database_description", a.database_description, b.database_description);
        same(p + ".database_description_changed", a.database_description_changed, b.database_description_changed);
        same(p + ".default_user_name", a.default_user_name, b.default_user_name);
        same(p + ".default_user_name_changed", a.default_user_name_changed, b.default_user_name_changed);
        same(p + ".maintenance_history_days", a.maintenance_history_days, b.maintenance_history_days);
        same(p + ".color", a.color, b.color);
        same(p + ".master_key_changed", a.master_key_changed, b.master_key_changed);
        same(p + ".master_key_change_rec", a.master_key_change_rec, b.master_key_change_rec);
        same(p + ".master_key_change_force", a.master_key_change_force, b.master_key_change_force);
        same(p + ".master_key_change_force_once", a.master_key_change_force_once, b.master_key_change_force_once);
        same(p + ".memory_protection.title", a.memory_protection.title, b.memory_protection.title);
        same(p + ".memory_protection.user_name", a.memory_protection.user_name, b.memory_protection.user_name);
        same(p + ".memory_protection.password", a.memory_protection.password, b.memory_protection.password);
        same(p + ".memory_protection.url", a.memory_protection.url, b.memory_protection.url);
        same(p + ".memory_protection.notes", a.memory_protection.notes, b.memory_protection.notes);
        list(p + ".custom_icons", a.custom_icons, b.custom_icons,
             [&](const std::string& q, const CustomIcon& x, const CustomIcon& y) {
                 same(q + ".uuid", x.uuid, y.uuid);
                 same(q + ".data", x.data, y.data);
                 same(q + ".name", x.name, y.name);
                 same(q + ".last_modified", x.last_modified, y.last_modified);
             });
        same(p + ".recycle_bin_enabled", a.recycle_bin_enabled, b.recycle_bin_enabled);
        same(p + ".recycle_bin_uuid", a.recycle_bin_uuid, b.recycle_bin_uuid);
        same(p + ".recycle_bin_changed", a.recycle_bin_changed, b.recycle_bin_changed);
        same(p + ".entry_templates_group", a.entry_templates_group, b.entry_templates_group);
        same(p + ".entry_templates_group_changed", a.entry_templates_group_changed, b.entry_templates_group_changed);
        same(p + ".history_max_items", a.history_max_items, b.history_max_items);
        same(p + ".history_max_size", a.history_max_size, b.history_max_size);
        same(p + ".last_selected_group", a.last_selected_group, b.last_selected_group);
        same(p + ".last_top_visible_group", a.last_top_visible_group, b.last_top_visible_group);
        custom_data(p + ".custom_data", a.custom_data, b.custom_data);
        same(p + ".unknown", a.unknown, b.unknown);
    }

    void group(const std::string& p, const Group& a, const Group& b) {
        same(p + ".uuid", a.uuid, b.uuid);
        same(p + ".name", a.name, b.name);
        same(p + ".notes", a.notes, b.notes);
        same(p + ".icon_id", a.icon_id, b.icon_id);
        same(p + ".custom_icon", a.custom_icon, b.custom_icon);
        times(p + ".times", a.times, b.times);
        same(p + ".is_expanded", a.is_expanded, b.is_expanded);
        same(p + ".default_auto_type_sequence", a.default_auto_type_sequence, b.default_auto_type_sequence);
        same(p + ".enable_auto_type", a.enable_auto_type, b.enable_auto_type);
        same(p + ".enable_searching", a.enable_searching, b.enable_searching);
        same(p + ".last_top_visible_entry", a.last_top_visible_entry, b.last_top_visible_entry);
        same(p + ".tags", a.tags, b.tags);
        same(p + ".previous_parent_group", a.previous_parent_group, b.previous_parent_group);
        custom_data(p + ".custom_data", a.custom_data, b.custom_data);
        list(p + ".entries", a.entries, b.entries,
             [&](const std::string& q, const Entry& x, const Entry& y) { entry(q, x, y); });
        list(p + ".groups", a.groups, b.groups,
             [&](const std::string& q, const Group& x, const Group& y) { group(q, x, y); });
        same(p + ".unknown", a.unknown, b.unknown);
    }

    void entry(const std::string& p, const Entry& a, const Entry& b) {
        same(p + ".uuid", a.uuid, b.uuid);
        same(p + ".icon_id", a.icon_id, b.icon_id);
        same(p + ".custom_icon", a.custom_icon, b.custom_icon);
        same(p + ".foreground_color", a.foreground_color, b.foreground_color);
        same(p + ".background_color", a.background_color, b.background_color);
        same(p + ".override_url", a.override_url, b.override_url);
        same(p + ".quality_check", a.quality_check, b.quality_check);
        same(p + ".tags", a.tags, b.tags);
        same(p + ".previous_parent_group", a.previous_parent_group, b.previous_parent_group);
        times(p + ".times", a.times, b.times);
        list(p + ".strings", a.strings, b.strings,
             [&](const std::string& q, const StringField& x, const StringField& y) {
                 same(q + ".key", x.key, y.key);
                 if (!(x.value == y.value)) out.push_back(q + " (" + x.key + ").value differs");
                 same(q + ".protect", x.protect, y.protect);
             });
        list(p + ".binaries", a.binaries, b.binaries,
             [&](const std::string& q, const BinaryRef& x, const BinaryRef& y) {
                 same(q + ".key", x.key, y.key);
                 same(q + ".index", x.index, y.index);
             });
        same(p + ".auto_type.enabled", a.auto_type.enabled, b.auto_type.enabled);
        same(p + ".auto_type.obfuscation", a.auto_type.obfuscation, b.auto_type.obfuscation);
        same(p + ".auto_type.default_sequence", a.auto_type.default_sequence, b.auto_type.default_sequence);
        list(p + ".auto_type.associations", a.auto_type.associations, b.auto_type.associations,
             [&](const std::string& q, const AutoTypeAssociation& x, const AutoTypeAssociation& y) {
                 same(q + ".window", x.window, y.window);
                 same(q + ".sequence", x.sequence, y.sequence);
             });
        custom_data(p + ".custom_data", a.custom_data, b.custom_data);
        list(p + ".history", a.history, b.history,
             [&](const std::string& q, const Entry& x, const Entry& y) { entry(q, x, y); });
        same(p + ".unknown", a.unknown, b.unknown);
    }
};

}  // namespace

std::vector<std::string> database_diff(const Database& a, const Database& b) {
    Differ d;
    d.database(a, b);
    return d.out;
}

}  // namespace test::kdbx
