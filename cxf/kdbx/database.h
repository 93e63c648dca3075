// SPDX-License-Identifier: MIT
// The KDBX object model: every element of a KeePass database's XML, held faithfully so that
// open → save writes the same content back.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cxf/kdbx/variant_map.h"
#include "cxf/secret.h"

namespace cxf::kdbx {

// 16 raw bytes in RFC 4122 order; the nil UUID means "none" wherever KeePass allows it.
using Uuid = std::array<std::uint8_t, 16>;
inline constexpr Uuid nil_uuid{};

// A random (version 4) UUID.
Uuid new_uuid();

// Whole seconds since 0001-01-01T00:00:00Z, the clock KDBX 4 stores; KDBX 3.x's ISO 8601 text maps
// onto it exactly at the second resolution KeePass writes.
struct Time {
    std::int64_t seconds = 0;

    static constexpr std::int64_t unix_epoch = 62135596800;  // 1970-01-01 on this clock
    static constexpr Time from_unix(std::int64_t unix_seconds) noexcept { return Time{unix_seconds + unix_epoch}; }
    constexpr std::int64_t to_unix() const noexcept { return seconds - unix_epoch; }
    auto operator<=>(const Time&) const = default;
};

// Elements this model has no member for, each kept as its XML text (attributes and children
// included) and written back at the end of the same parent element.
using UnknownElements = std::vector<std::string>;

struct CustomDataItem {
    std::string key;
    std::string value;
    std::optional<Time> last_modified;  // KDBX 4.1
    bool operator==(const CustomDataItem&) const = default;
};
using CustomData = std::vector<CustomDataItem>;

struct Times {
    Time creation;
    Time last_modification;
    Time last_access;
    Time expiry;
    bool expires = false;
    std::uint64_t usage_count = 0;
    Time location_changed;
    bool operator==(const Times&) const = default;
};

// One Entry/String. Every value is a Secret, protected or not, so none sits in a plain string.
struct StringField {
    std::string key;
    crypto::Secret value;
    bool protect = false;  // Value@Protected: encrypted with the inner stream in the file
    bool operator==(const StringField&) const = default;
};

// One Entry/Binary: a name and an index into Database::binaries.
struct BinaryRef {
    std::string key;
    std::size_t index = 0;
    bool operator==(const BinaryRef&) const = default;
};

struct AutoTypeAssociation {
    std::string window;
    std::string sequence;
    bool operator==(const AutoTypeAssociation&) const = default;
};

struct AutoType {
    bool enabled = true;
    std::int32_t obfuscation = 0;  // DataTransferObfuscation
    std::string default_sequence;
    std::vector<AutoTypeAssociation> associations;
    bool operator==(const AutoType&) const = default;
};

struct Entry {
    Uuid uuid{};
    std::int32_t icon_id = 0;
    Uuid custom_icon{};
    std::string foreground_color;  // "#RRGGBB" or empty
    std::string background_color;
    std::string override_url;
    bool quality_check = true;     // KDBX 4.1: false excludes the entry from password-quality reports
    std::vector<std::string> tags;
    Uuid previous_parent_group{};  // KDBX 4.1
    Times times;
    std::vector<StringField> strings;  // file order; keys are case-sensitive
    std::vector<BinaryRef> binaries;
    AutoType auto_type;
    CustomData custom_data;
    std::vector<Entry> history;  // oldest first, as KeePass stores them
    UnknownElements unknown;

    // The string with this key, or null.
    const StringField* find(std::string_view key) const noexcept;
    bool operator==(const Entry&) const = default;
};

struct Group {
    Uuid uuid{};
    std::string name;
    std::string notes;
    std::int32_t icon_id = 48;  // KeePass's folder icon
    Uuid custom_icon{};
    Times times;
    bool is_expanded = true;
    std::string default_auto_type_sequence;
    std::optional<bool> enable_auto_type;  // nullopt: inherit from the parent ("null" in the file)
    std::optional<bool> enable_searching;
    Uuid last_top_visible_entry{};
    std::vector<std::string> tags;  // KDBX 4.1
    Uuid previous_parent_group{};   // KDBX 4.1
    CustomData custom_data;
    std::vector<Group> groups;
    std::vector<Entry> entries;
    UnknownElements unknown;
    bool operator==(const Group&) const = default;
};

// A group's own members, without its entries and subgroups.
Group group_members(const Group& g);

struct MemoryProtection {
    bool title = false;
    bool user_name = false;
    bool password = true;
    bool url = false;
    bool notes = false;
    bool operator==(const MemoryProtection&) const = default;
};

struct CustomIcon {
    Uuid uuid{};
    Bytes data;  // usually PNG
    std::string name;                   // KDBX 4.1
    std::optional<Time> last_modified;  // KDBX 4.1
    bool operator==(const CustomIcon&) const = default;
};

struct Meta {
    std::string generator;
    std::optional<Time> settings_changed;  // KDBX 4
    std::string database_name;
    Time database_name_changed;
    std::string database_description;
    Time database_description_changed;
    std::string default_user_name;
    Time default_user_name_changed;
    std::int32_t maintenance_history_days = 365;
    std::string color;
    Time master_key_changed;
    std::int64_t master_key_change_rec = -1;    // days; -1: never
    std::int64_t master_key_change_force = -1;
    bool master_key_change_force_once = false;
    MemoryProtection memory_protection;
    std::vector<CustomIcon> custom_icons;
    bool recycle_bin_enabled = true;
    Uuid recycle_bin_uuid{};
    Time recycle_bin_changed;
    Uuid entry_templates_group{};
    Time entry_templates_group_changed;
    std::int32_t history_max_items = 10;        // -1: unlimited
    std::int64_t history_max_size = 6 << 20;    // bytes; -1: unlimited
    Uuid last_selected_group{};
    Uuid last_top_visible_group{};
    CustomData custom_data;
    UnknownElements unknown;
    bool operator==(const Meta&) const = default;
};

// An attachment in the pool entries refer to by index.
struct Binary {
    Binary(crypto::SecureBytes bytes = {}, bool protected_in_memory = false)
        : data(std::move(bytes)), protect(protected_in_memory) {}
    // A writer's binary whose bytes are held elsewhere for as long as the database (the model's
    // attachments): they are not copied, and `data` stays empty.
    static Binary borrowing(ByteView bytes) {
        Binary b;
        b.borrowed = bytes;
        return b;
    }

    crypto::SecureBytes data;
    bool protect = false;  // KeePass's in-memory protection flag (and, in KDBX 3.x, stream encryption)
    std::optional<ByteView> borrowed;

    ByteView bytes() const noexcept { return borrowed ? *borrowed : ByteView(data); }
    bool operator==(const Binary& other) const noexcept {
        return protect == other.protect && crypto::equal_ct(bytes(), other.bytes());
    }
};

struct DeletedObject {
    Uuid uuid{};
    Time deletion_time;
    bool operator==(const DeletedObject&) const = default;
};

struct Database {
    Meta meta;
    Group root;
    std::vector<DeletedObject> deleted_objects;
    std::vector<Binary> binaries;
    VariantMap public_custom_data;  // KDBX 4 outer header field 12, readable without the key
    UnknownElements unknown;        // unknown children of KeePassFile
    UnknownElements root_unknown;   // unknown children of Root
    bool operator==(const Database&) const = default;
};

}  // namespace cxf::kdbx
