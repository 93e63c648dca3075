// SPDX-License-Identifier: MIT
// Entries that share a UUID (some writers produce them) still become items with ids of their own.
#include <catch2/catch.hpp>

#include <set>

#include "cxf/validate/validate.h"
#include "importers/kdbx/read.h"

using namespace cxf;

namespace {

kdbx::Entry entry(std::string_view title, kdbx::Uuid uuid) {
    kdbx::Entry e;
    e.uuid = uuid;
    e.strings.push_back({"Title", crypto::Secret(title), false});
    e.strings.push_back({"Password", crypto::Secret("hunter2-secret"), true});
    e.binaries.push_back({"note.txt", 0});  // attachments get ids from the entry's UUID too
    return e;
}

kdbx::Database database_with_repeats() {
    const kdbx::Uuid same{7, 7, 7};
    kdbx::Database db;
    db.root.uuid = kdbx::Uuid{1};
    db.root.name = "Root";
    db.binaries.push_back({crypto::secure_copy(as_bytes("attached")), false});
    db.root.entries.push_back(entry("first", same));
    db.root.entries.push_back(entry("second", same));
    kdbx::Group& sub = db.root.groups.emplace_back();
    sub.uuid = kdbx::Uuid{2};
    sub.name = "Sub";
    sub.entries.push_back(entry("third", same));
    return db;
}

}  // namespace

TEST_CASE("KDBX entries sharing a UUID get fresh deterministic item ids and a changed notice", "[kdbx-mapping]") {
    const kdbx::Database db = database_with_repeats();
    Report report;
    const Vault vault = kdbx_map::read_database(db, report);
    REQUIRE(vault.accounts.size() == 1);
    const std::vector<Item>& items = vault.accounts[0].items;
    REQUIRE(items.size() == 3);
    const kdbx::Uuid same{7, 7, 7};
    CHECK(items[0].id == Id(same.begin(), same.end()));  // the first keeps its UUID
    const std::set<Id> ids{items[0].id, items[1].id, items[2].id};
    CHECK(ids.size() == 3);
    for (const Item& item : items) CHECK(item.id.size() == 16);

    std::size_t changed = 0;
    for (const Notice& n : report.notices()) {
        if (n.kind != NoticeKind::changed) continue;
        ++changed;
        CHECK(n.message.find("UUID") != std::string::npos);
        CHECK(n.message.find("hunter2") == std::string::npos);
        CHECK((n.place == "/second" || n.place == "/Sub/third"));
    }
    CHECK(changed == 2);

    Report validation;
    validate(vault, validation);
    CHECK_FALSE(validation.has_errors());

    Report again;
    const Vault reread = kdbx_map::read_database(db, again);
    for (std::size_t i = 0; i < items.size(); ++i) CHECK(reread.accounts[0].items[i].id == items[i].id);
}

TEST_CASE("KDBX entries whose carried CXF item ids repeat get fresh item ids and a changed notice", "[kdbx-mapping]") {
    kdbx::Database db;
    db.root.uuid = kdbx::Uuid{1};
    db.root.name = "Root";
    db.binaries.push_back({crypto::secure_copy(as_bytes("attached")), false});
    for (std::uint8_t i = 1; i <= 3; ++i) {
        kdbx::Entry& e = db.root.entries.emplace_back(entry("entry " + std::to_string(i), kdbx::Uuid{9, i}));
        e.custom_data.push_back({"CXF_ITEM", R"({"id":"c2FtZQ"})", std::nullopt});  // "same" for all three
    }
    Report report;
    const Vault vault = kdbx_map::read_database(db, report);
    const std::vector<Item>& items = vault.accounts[0].items;
    REQUIRE(items.size() == 3);
    CHECK(items[0].id == Id{'s', 'a', 'm', 'e'});  // the first keeps its carried id
    CHECK(std::set<Id>{items[0].id, items[1].id, items[2].id}.size() == 3);
    std::vector<std::string> changed;
    for (const Notice& n : report.notices())
        if (n.kind == NoticeKind::changed) changed.push_back(n.place);
    CHECK(changed == std::vector<std::string>{"/entry 2", "/entry 3"});
}
