// SPDX-License-Identifier: MIT
// A file whose attachment pool is not in cxf's order (KeePass 2 and other writers order it their own
// way) is read in one pass, and KDBX → model → KDBX still gives back every pool index.
#include <catch2/catch.hpp>

#include "cxf/json/extension.h"
#include "exporters/kdbx/write.h"
#include "importers/kdbx/read.h"
#include "tests/kdbx/database_diff.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/kdbx_mapping/mapping_support.h"
#include "tests/support/peak_memory.h"

using namespace cxf;

namespace {

kdbx::Entry entry_with(std::string_view title, std::uint8_t id, std::vector<kdbx::BinaryRef> refs) {
    kdbx::Entry e;
    e.uuid = kdbx::Uuid{id};
    e.strings.push_back({"Title", crypto::Secret(title), false});
    e.binaries = std::move(refs);
    return e;
}

// Entries refer to the pool back to front, one through its history only, one content twice.
kdbx::Database out_of_order_pool() {
    kdbx::Database db;
    db.root.uuid = kdbx::Uuid{1};
    db.root.name = "Root";
    for (const char* content : {"zero", "one", "two", "three"})
        db.binaries.push_back({crypto::secure_copy(as_bytes(content)), false});
    db.root.entries.push_back(entry_with("last first", 10, {{"a.txt", 3}, {"b.txt", 2}}));
    kdbx::Entry with_history = entry_with("history", 11, {});
    with_history.history.push_back(entry_with("history", 11, {{"old.txt", 1}}));
    db.root.entries.push_back(std::move(with_history));
    kdbx::Group& sub = db.root.groups.emplace_back();
    sub.uuid = kdbx::Uuid{2};
    sub.name = "Sub";
    sub.entries.push_back(entry_with("shared", 12, {{"again.txt", 3}, {"z.txt", 0}}));
    return db;
}

kdbx::CompositeKey key() {
    const crypto::Secret pw("pw");
    return kdbx::make_composite_key(&pw, std::nullopt);
}

}  // namespace

TEST_CASE("a KDBX file with its pool out of cxf's order is decrypted once and round-trips", "[kdbx-mapping]") {
    const kdbx::Database original = out_of_order_pool();
    for (const std::uint16_t major : {std::uint16_t{4}, std::uint16_t{3}}) {
        CAPTURE(major);
        kdbx::SaveSettings settings = test::kdbx::cheap_settings(kdbx::Kdf::aes_kdf, kdbx::Cipher::aes256_cbc, major);
        const crypto::SecureBytes file = kdbx::save(original, key(), settings);
        const kdbx::Database opened = kdbx::open(file, key(), {}, "pool.kdbx");

        int passes = 0;
        Report report;
        const Vault vault = kdbx_map::read_stream(
            [&](kdbx::DatabaseVisitor& visitor) {
                ++passes;
                kdbx::read(file, key(), {}, "pool.kdbx", visitor);
            },
            report);
        CHECK(passes == 1);

        Report write_report;
        const kdbx::Database again = kdbx_map::to_database(vault, write_report, 1700000000);
        CHECK_FALSE(write_report.has_losses());
        const std::vector<std::string> diff = test::kdbx::database_diff(opened, again);
        std::string lines;
        for (const std::string& d : diff) lines += d + "\n";
        INFO(lines);
        CHECK(diff.empty());
        REQUIRE(again.binaries.size() == 4);
        CHECK(again.root.entries.at(0).binaries.at(0).index == 3);
        CHECK(again.root.entries.at(1).history.at(0).binaries.at(0).index == 1);
        CHECK(again.root.groups.at(0).entries.at(0).binaries.at(1).index == 0);
    }
}

TEST_CASE("a pool in cxf's order adds no pool indices to the items", "[kdbx-mapping]") {
    kdbx::Database db;
    db.root.uuid = kdbx::Uuid{1};
    db.root.name = "Root";
    db.binaries.push_back({crypto::secure_copy(as_bytes("first")), false});
    db.binaries.push_back({crypto::secure_copy(as_bytes("second")), false});
    db.root.entries.push_back(entry_with("in order", 10, {{"a.txt", 0}, {"b.txt", 1}}));
    Report report;
    const Vault vault = kdbx_map::read_database(db, report);
    const RawExtension* own = json::find_extension(vault.accounts.at(0).items.at(0).extensions, "cxf.local/kdbx");
    CHECK((own == nullptr || own->json.view().find("\"pool\"") == std::string_view::npos));
    Report write_report;
    const kdbx::Database again = kdbx_map::to_database(vault, write_report, 1700000000);
    CHECK(test::kdbx::database_diff(db, again).empty());
}

namespace {

std::string file_bytes(const Item& item, std::string_view name) {
    for (const Credential& c : item.credentials)
        if (const auto* file = std::get_if<File>(&c); file && file->name == name && file->data)
            return std::string(as_text(*file->data));
    return "(none)";
}

}  // namespace

TEST_CASE("each file credential gets its attachment's bytes, however many entries and versions share them", "[kdbx-mapping]") {
    Report report;
    const Vault vault = kdbx_map::read_database(out_of_order_pool(), report);
    const std::vector<Item>& items = vault.accounts.at(0).items;
    REQUIRE(items.size() == 3);
    CHECK(file_bytes(items[0], "a.txt") == "three");
    CHECK(file_bytes(items[0], "b.txt") == "two");
    REQUIRE(items[1].history.size() == 1);
    CHECK(file_bytes(items[1].history[0], "old.txt") == "one");
    CHECK(file_bytes(items[2], "again.txt") == "three");
    CHECK(file_bytes(items[2], "z.txt") == "zero");
    for (const Item& item : items)
        for (const Credential& c : item.credentials)
            if (const auto* file = std::get_if<File>(&c)) CHECK(file->data->size() == file->decrypted_size);
}

TEST_CASE("an attachment's bytes are held once, in the vault, when a KDBX file is read and written back", "[kdbx-mapping]") {
    constexpr std::size_t size = 40 << 20;  // past glibc's largest mmap threshold: its buffers go back when freed
    kdbx::Database db;
    db.root.uuid = kdbx::Uuid{1};
    db.root.name = "Root";
    crypto::SecureBytes data(size);
    std::uint32_t seed = 3;
    for (std::uint8_t& b : data) b = static_cast<std::uint8_t>((seed = seed * 1103515245 + 12345) >> 24);
    db.binaries.push_back({data, false});
    db.root.entries.push_back(entry_with("scan", 10, {{"scan.jpg", 0}}));
    kdbx::SaveSettings settings = test::kdbx::cheap_settings(kdbx::Kdf::aes_kdf, kdbx::Cipher::aes256_cbc, 4);
    settings.compression = kdbx::Compression::none;
    const crypto::SecureBytes file = kdbx::save(db, key(), settings);
    db = {};

    Report report;
    std::optional<Vault> vault;
    const std::uint64_t growth =
        test::peak_memory_growth([&] { vault = kdbx_map::read_file(file, key(), {}, "scan.kdbx", report); });
    CHECK(file_bytes(vault->accounts.at(0).items.at(0), "scan.jpg") == as_text(data));
    CHECK(growth >= size);            // the vault holds them
    CHECK(growth < size + size / 2);  // the pool and a copy in the file credential held them twice

    // Written back, the pool borrows the vault's bytes: KDBX 4 and 3.1 (whose XML holds them as base64).
    for (const char* version : {"4", "3.1"}) {
        CAPTURE(version);
        const WriteOptions options = test::kdbx_mapping::cheap_write_options("pw", test::kdbx_mapping::cheap_version(version));
        io::NullOutput out;
        Report write_report;
        const std::uint64_t written = test::peak_memory_growth([&] { kdbx_map::write(*vault, out, options, write_report); });
        CHECK(out.size() > size);
        CHECK(written < size / 2);  // a copy of the pool was the size of the attachment
    }
}
