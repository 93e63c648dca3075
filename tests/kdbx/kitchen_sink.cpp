// SPDX-License-Identifier: MIT
// The everything-set database used by the round-trip and interop tests.
#include "tests/kdbx/kitchen_sink.h"

namespace test::kdbx {

using namespace cxf::kdbx;

namespace {

Uuid uuid(std::uint8_t n) {
    Uuid u{};
    u.fill(n);
    return u;
}

Time at(std::int64_t unix_seconds) { return Time::from_unix(unix_seconds); }

Times times(std::int64_t base) {
    Times t;
    t.creation = at(base);
    t.last_modification = at(base + 1);
    t.last_access = at(base + 2);
    t.expiry = at(base + 3);
    t.expires = true;
    t.usage_count = 42;
    t.location_changed = at(base + 4);
    return t;
}

StringField field(std::string key, std::string_view value, bool protect) {
    return StringField{std::move(key), cxf::crypto::Secret(value), protect};
}

cxf::crypto::SecureBytes bytes(std::string_view text) { return cxf::crypto::secure_copy(cxf::as_bytes(text)); }

Entry make_entry(std::uint8_t id, std::string title, bool kdbx41) {
    Entry e;
    e.uuid = uuid(id);
    e.icon_id = 12;
    e.custom_icon = uuid(0xC1);
    e.foreground_color = "#FF0000";
    e.background_color = "#00FF00";
    e.override_url = "cmd://firefox %1";
    e.quality_check = !kdbx41;
    e.tags = {"one", "two words", "ünï"};
    if (kdbx41) e.previous_parent_group = uuid(0xA2);
    e.times = times(1600000000 + id);
    e.strings.push_back(field("Title", title, false));
    e.strings.push_back(field("UserName", "user <&> \"quoted\" 'single'", false));
    e.strings.push_back(field("Password", "pä$$wörd 🔑", true));
    e.strings.push_back(field("URL", "https://example.com/?a=1&b=2", false));
    e.strings.push_back(field("Notes", "line one\r\nline two\n\ttabbed\nlast", false));
    e.strings.push_back(field("Empty protected", "", true));
    e.strings.push_back(field("Spaces", "  padded  ", false));
    e.strings.push_back(
        field("KPEX_PASSKEY_PRIVATE_KEY_PEM", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", true));
    e.strings.push_back(field("otp", "otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP&period=30&digits=6", true));
    e.binaries.push_back(BinaryRef{"hello.txt", 0});
    e.binaries.push_back(BinaryRef{"bytes.bin", 1});
    e.auto_type.enabled = false;
    e.auto_type.obfuscation = 1;
    e.auto_type.default_sequence = "{USERNAME}{TAB}{PASSWORD}{ENTER}";
    e.auto_type.associations.push_back({"Firefox - *", "{PASSWORD}{ENTER}"});
    e.auto_type.associations.push_back({"Chrome", ""});
    e.custom_data.push_back({"KPXC_BROWSER", "{\"hide\":true}", std::nullopt});
    if (kdbx41) e.custom_data.push_back({"stamped", "v", at(1650000000)});
    e.unknown.push_back("<X-EntryExtension kind=\"test\"><Inner>text &amp; more</Inner></X-EntryExtension>");
    return e;
}

}  // namespace

Database kitchen_sink(bool kdbx41) {
    Database db;
    Meta& m = db.meta;
    m.generator = "cxf test";
    m.settings_changed = at(1700000000);
    m.database_name = "Kitchen sink ☃";
    m.database_name_changed = at(1700000001);
    m.database_description = "every field\nset";
    m.database_description_changed = at(1700000002);
    m.default_user_name = "default-user";
    m.default_user_name_changed = at(1700000003);
    m.maintenance_history_days = 30;
    m.color = "#123456";
    m.master_key_changed = at(1700000004);
    m.master_key_change_rec = 90;
    m.master_key_change_force = 180;
    m.master_key_change_force_once = true;
    m.memory_protection = MemoryProtection{true, true, false, true, true};
    m.custom_icons.push_back(CustomIcon{uuid(0xC1), {0x89, 'P', 'N', 'G', 0, 1, 2}, kdbx41 ? "Icon name" : "",
                                        kdbx41 ? std::optional<Time>(at(1700000005)) : std::nullopt});
    m.custom_icons.push_back(CustomIcon{uuid(0xC2), {1, 2, 3}, "", std::nullopt});
    m.recycle_bin_enabled = false;
    m.recycle_bin_uuid = uuid(0xB0);
    m.recycle_bin_changed = at(1700000006);
    m.entry_templates_group = uuid(0xB1);
    m.entry_templates_group_changed = at(1700000007);
    m.history_max_items = -1;
    m.history_max_size = 12345678;  // KeePassXC reads this as a 32-bit int
    m.last_selected_group = uuid(0xA1);
    m.last_top_visible_group = uuid(0xA2);
    m.custom_data.push_back({"KPXC_DECRYPTION_TIME_PREFERENCE", "1000", std::nullopt});
    if (kdbx41) m.custom_data.push_back({"with time", "x", at(1700000008)});
    m.unknown.push_back("<X-MetaExtension>kept</X-MetaExtension>");

    db.binaries.push_back(Binary{bytes("hello attachment\n"), false});
    cxf::crypto::SecureBytes all(256);
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint8_t>(i);
    db.binaries.push_back(Binary{std::move(all), true});
    db.binaries.push_back(Binary{{}, true});

    Group& root = db.root;
    root.uuid = uuid(0xA0);
    root.name = "Root";
    root.notes = "root notes";
    root.icon_id = 49;
    root.custom_icon = uuid(0xC2);
    root.times = times(1500000000);
    root.is_expanded = false;
    root.default_auto_type_sequence = "{PASSWORD}";
    root.enable_auto_type = false;
    root.enable_searching = true;
    root.last_top_visible_entry = uuid(0x01);
    if (kdbx41) root.tags = {"root tag"};
    root.custom_data.push_back({"_LAST_MODIFIED", "Sat May 2 13:50:48 2026 GMT", std::nullopt});
    root.unknown.push_back("<X-GroupExtension a=\"1\" b=\"&lt;\">x</X-GroupExtension>");

    Entry main = make_entry(0x01, "Main entry", kdbx41);
    Entry older = make_entry(0x01, "Main entry (old)", kdbx41);
    older.binaries = {BinaryRef{"empty", 2}};
    older.unknown.clear();
    main.history.push_back(std::move(older));
    main.history.push_back(make_entry(0x01, "Main entry (older)", false));
    root.entries.push_back(std::move(main));

    Group child;
    child.uuid = uuid(0xA1);
    child.name = "Child ünïcode";
    child.times = times(1510000000);
    child.enable_searching = false;
    if (kdbx41) child.previous_parent_group = uuid(0xA2);
    Group grandchild;
    grandchild.uuid = uuid(0xA2);
    grandchild.name = "Grandchild";
    grandchild.times = times(1520000000);
    grandchild.entries.push_back(make_entry(0x02, "Deep entry", false));
    child.groups.push_back(std::move(grandchild));
    child.entries.push_back(make_entry(0x03, "Child entry", false));
    root.groups.push_back(std::move(child));
    Group empty;
    empty.uuid = uuid(0xA3);
    empty.name = "Empty";
    root.groups.push_back(std::move(empty));

    db.deleted_objects.push_back(DeletedObject{uuid(0xD0), at(1690000000)});
    db.deleted_objects.push_back(DeletedObject{uuid(0xD1), at(1690000001)});
    set_bytes(db.public_custom_data, "KPXC_PUBLIC_UUID", Uuid{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    set_uint64(db.public_custom_data, "counter", 7);
    db.unknown.push_back("<X-FileExtension>f</X-FileExtension>");
    db.root_unknown.push_back("<X-RootExtension>r</X-RootExtension>");
    return db;
}

}  // namespace test::kdbx
