// SPDX-License-Identifier: MIT
// CXF → KDBX → CXF: every credential type, several of a kind, attachments, history, nested and
// multiple accounts come back unchanged, apart from what the writer reported lost; what it reports
// agrees with the format's `carries` mask.
#include <catch2/catch.hpp>

#include <functional>
#include <set>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/model/credential_fields.h"
#include "exporters/kdbx/entry.h"
#include "exporters/kdbx/write.h"
#include "importers/kdbx/read.h"
#include "tests/cxf_json/kitchen_sink.h"
#include "tests/kdbx/database_diff.h"
#include "tests/kdbx_mapping/kdbx_sink.h"
#include "tests/kdbx_mapping/mapping_support.h"
#include "tests/support/json_diff.h"
#include "tests/support/testdata.h"

using namespace test::kdbx_mapping;
using namespace cxf;

namespace {

using ExtensionFilter = std::function<bool(std::string_view name)>;

void strip(std::vector<Extension>& extensions, const ExtensionFilter& drop) {
    std::erase_if(extensions, [&](const Extension& e) { return drop(extension_name(e)); });
}

template <typename T>
void strip_fields(T& credential, const ExtensionFilter& drop) {
    for (const FieldMember<T>& m : field_members<T>())
        if (Field& f = credential.*m.member) strip(f->extensions, drop);
}

void strip(Item& item, const ExtensionFilter& drop) {
    strip(item.extensions, drop);
    for (Credential& c : item.credentials) {
        std::visit([&](auto& x) { strip_fields(x, drop); }, c);
        if (auto* custom = std::get_if<CustomFields>(&c)) {
            strip(custom->extensions, drop);
            for (EditableField& f : custom->fields) strip(f.extensions, drop);
        }
    }
    for (Item& old : item.history) strip(old, drop);
}

void strip(std::vector<Collection>& collections, const ExtensionFilter& drop) {
    for (Collection& c : collections) {
        strip(c.extensions, drop);
        strip(c.sub_collections, drop);
    }
}

void strip(Vault& vault, const ExtensionFilter& drop) {
    for (Account& a : vault.accounts) {
        strip(a.extensions, drop);
        strip(a.collections, drop);
        for (Item& i : a.items) strip(i, drop);
    }
}

const ExtensionFilter kdbx_bookkeeping = [](std::string_view name) { return name == kdbx_map::extension_name; };

Vault parse(std::string_view json) {
    Report report;
    return cxf_json::read(json, "sink", {}, report);
}

Vault round_trip(const Vault& vault, Report& write_report, kdbx::SaveSettings settings = test::kdbx::cheap_settings()) {
    io::MemoryOutput out;
    kdbx_format().write(vault, out, cheap_write_options("pw", settings), write_report);
    Report read_report;
    Vault back = kdbx_format().read(Input{"written.kdbx", std::move(out.bytes())}, password_options("pw"), read_report);
    CHECK(read_report.count(NoticeKind::skipped) == 0);
    strip(back, kdbx_bookkeeping);
    return back;
}

std::vector<std::string> history_bytes(const Vault& v) {
    std::vector<std::string> out;
    for (const Account& a : v.accounts)
        for (const Item& i : a.items)
            for (const Item& old : i.history)
                for (const Credential& c : old.credentials)
                    if (const auto* f = std::get_if<File>(&c); f && f->data) out.emplace_back(as_text(*f->data));
    return out;
}

std::set<std::string> losses(const Report& report) {
    std::set<std::string> out;
    for (const Notice& n : report.notices())
        if (n.kind == NoticeKind::lost) out.insert(n.place + " " + n.field);
    return out;
}

}  // namespace

TEST_CASE("CXF → KDBX → CXF: the CXF kitchen sink comes back whole, unknown types and extensions included",
          "[kdbx-mapping]") {
    const Vault original = parse(test::kitchen_sink_cxf);
    Report report;
    const Vault back = round_trip(original, report);
    CHECK(losses(report).empty());
    const auto diff = test::vault_diff(original, back);
    INFO(test::to_string(diff));
    CHECK(diff.empty());
}

TEST_CASE("CXF → KDBX → CXF: several of a kind, KeePass-looking names, ids that are not UUIDs, two accounts",
          "[kdbx-mapping]") {
    const Vault original = kdbx_sink();
    for (const char* version : {"4", "3.1"}) {
        CAPTURE(version);
        Report report;
        const Vault back = round_trip(original, report, cheap_version(version));
        CHECK(losses(report) == std::set<std::string>{"/accounts/0/collections/1/items/0 collection:Second home",
                                                      "/accounts/1/collections/0/items/1 linked item"});
        Vault expected = kdbx_sink();
        // What was reported: the second link to an item already in a group, a link into another account.
        expected.accounts[0].collections[1].items.erase(expected.accounts[0].collections[1].items.begin());
        expected.accounts[1].collections[0].items.pop_back();
        const auto diff = test::vault_diff(expected, back);
        INFO(test::to_string(diff));
        CHECK(diff.empty());
        CHECK(history_bytes(back) == history_bytes(expected));
        CHECK(history_bytes(back).size() == 1);
    }
}

TEST_CASE("the kdbx format carries everything, and its writer says so", "[kdbx-mapping]") {
    const Format& kdbx = kdbx_format();
    CHECK(kdbx.carries == all_features);
    // A carried feature is never reported lost; what can be lost is a shape KDBX groups cannot take
    // (an entry sits in one group of its own database).
    for (const std::string_view json : {test::kitchen_sink_cxf, kdbx_sink_cxf}) {
        Report report;
        round_trip(parse(json), report);
        for (const Notice& n : report.notices()) {
            if (n.kind != NoticeKind::lost) continue;
            CAPTURE(n.place, n.field, n.message);
            CHECK((n.field == "linked item" || n.field.rfind("collection:", 0) == 0));
        }
    }
}

TEST_CASE("what cxf writes for CXF credentials is visible as KeePass attributes", "[kdbx-mapping]") {
    Report report;
    const kdbx::Database db = kdbx_map::to_database(kdbx_sink(), report, 1700000000);
    const kdbx::Entry* everything = nullptr;
    const kdbx::Entry* other = nullptr;
    std::function<void(const kdbx::Group&)> find = [&](const kdbx::Group& g) {
        for (const kdbx::Entry& e : g.entries) {
            const auto* title = e.find("Title");
            if (title && title->value.view() == "Ëverything twice") everything = &e;
            if (title && title->value.view() == "Not a UUID") other = &e;
        }
        for (const kdbx::Group& c : g.groups) find(c);
    };
    find(db.root);
    REQUIRE(everything);
    REQUIRE(other);
    const auto text = [](const kdbx::Entry& e, std::string_view key) {
        const auto* s = e.find(key);
        return s ? std::string(s->value.view()) : std::string("<absent>");
    };
    CHECK(text(*everything, "UserName") == "first");
    CHECK(text(*everything, "Password") == "pw-1");
    CHECK(text(*everything, "UserName 2") == "second@example.com");
    CHECK(text(*everything, "Password 2") == "pw-2");
    CHECK(everything->find("Password 2")->protect);
    CHECK(text(*everything, "Notes") == "note one");
    CHECK(text(*everything, "Notes 2") == "note two ✓");
    CHECK(text(*everything, "otp").rfind("otpauth://totp/", 0) == 0);
    CHECK(text(*everything, "otp 2").rfind("otpauth://totp/a%3Ab?", 0) == 0);
    CHECK(text(*everything, "otp 3") == "not a TOTP");  // a custom field labelled "otp"
    CHECK(text(*everything, "KPEX_PASSKEY_RELYING_PARTY") == "a.example");
    CHECK(text(*everything, "KPEX_PASSKEY_FLAG_BE") == "1");
    CHECK(text(*everything, "Passkey Relying Party") == "b.example");
    CHECK(text(*everything, "Passkey Private Key").rfind("-----BEGIN PRIVATE KEY-----", 0) == 0);
    CHECK(text(*everything, "Title 2") == "not the title");
    CHECK(text(*everything, "Count") == "7");
    std::vector<std::string> attachment_names;
    for (const kdbx::BinaryRef& b : everything->binaries) attachment_names.push_back(b.key);
    CHECK(attachment_names == std::vector<std::string>{"shared.txt", "shared.txt (2)"});
    CHECK(everything->history.size() == 2);
    CHECK(text(everything->history[0], "Password") == "pw-0");

    CHECK(text(*other, "API Key") == "sk-1");
    CHECK(other->find("API Key")->protect);
    CHECK(text(*other, "API Key Url") == "https://api.example.com");
    CHECK(text(*other, "Wi-Fi Ssid") == "Home");
    CHECK(text(*other, "SSH Private Key").rfind("-----BEGIN OPENSSH PRIVATE KEY-----", 0) == 0);
    CHECK(text(*other, "SSH Key Comment") == "jane@laptop");
    CHECK(text(*other, "Generated Password") == "Xk9#mP2$");
    CHECK(text(*other, "Reference") == "{REF:T@I:41414141414141414141414141414141}");
    CHECK(text(*other, "URL") == "https://b.example.com");
    CHECK(text(*other, "KP2A_URL_1") == "https://b2.example.com");
    CHECK(text(*other, "AndroidApp") == "com.example.b");
    CHECK(text(*other, "AndroidApp_1") == "com.example.b2");
    // The pool holds each content once.
    CHECK(db.binaries.size() == 2);
}

TEST_CASE("a database cxf wrote from CXF goes through KDBX → model → KDBX unchanged, undated items included",
          "[kdbx-mapping]") {
    Report report;
    const kdbx::Database first = kdbx_map::to_database(kdbx_sink(), report, 1700000000);
    Report again_report;
    const Vault read_back = kdbx_map::read_database(first, again_report);
    // Written later: what was undated keeps the date the first write gave it.
    const kdbx::Database second = kdbx_map::to_database(read_back, again_report, 1800000000);
    const auto diff = test::kdbx::database_diff(first, second);
    std::string lines;
    for (const std::string& d : diff) lines += d + "\n";
    INFO(lines);
    CHECK(diff.empty());
    CHECK_FALSE(again_report.has_losses());
}

TEST_CASE("a file cxf wrote, saved again by KeePassXC, still reads back as the vault cxf wrote", "[kdbx-mapping]") {
    test::TempDir dir;
    const std::string path = dir.path("sink.kdbx");
    Report report;
    {
        io::AtomicFile out(path, true);
        kdbx_format().write(kdbx_sink(), out, cheap_write_options("pw"), report);
        out.commit();
    }
    // Adding a group makes keepassxc-cli 2.7.4 write the whole database with its own writer.
    std::string output;
    REQUIRE(run("printf 'pw\\n' | keepassxc-cli mkdir -q '" + path + "' 'Added by KeePassXC' 2>&1", &output) == 0);
    Report read_report;
    Vault back = kdbx_format().read(io::read_input(path, {}), password_options("pw"), read_report);
    strip(back, kdbx_bookkeeping);
    auto& collections = back.accounts[0].collections;
    REQUIRE(std::erase_if(collections, [](const Collection& c) { return c.title == "Added by KeePassXC"; }) == 1);
    Vault expected = kdbx_sink();
    expected.accounts[0].collections[1].items.erase(expected.accounts[0].collections[1].items.begin());
    expected.accounts[1].collections[0].items.pop_back();
    const auto diff = test::vault_diff(expected, back);
    INFO(test::to_string(diff));
    CHECK(diff.empty());
}

TEST_CASE("history of a history version cannot be held and is reported", "[kdbx-mapping]") {
    Vault v = parse(test::kitchen_sink_cxf);
    Item& item = v.accounts[0].items[0];
    REQUIRE(item.history.size() == 1);
    Item older;
    older.id = item.id;
    older.title = "older still";
    item.history[0].history.push_back(std::move(older));
    Report report;
    const kdbx::Database db = kdbx_map::to_database(v, report, 1700000000);
    CHECK(losses(report).contains("/accounts/0/items/0/history/0 nested history"));
    std::size_t versions = 0;
    std::function<void(const kdbx::Group&)> count = [&](const kdbx::Group& g) {
        for (const kdbx::Entry& e : g.entries) versions += e.history.size();
        for (const kdbx::Group& c : g.groups) count(c);
    };
    count(db.root);
    CHECK(versions == 1);
}

TEST_CASE("an item the plain mapping cannot give back stages its attachments once", "[kdbx-mapping]") {
    Item item;
    item.id = Id(16, 0x07);
    item.title = "laid out";
    File file;
    file.id = Id{1, 2, 3};  // not the id the plain mapping gives an attachment: CXF_ITEM must say it
    file.name = "a.txt";
    file.data = crypto::secure_copy(as_bytes("bytes"));
    item.credentials.emplace_back(std::move(file));
    const kdbx::Meta meta;
    Report report;
    kdbx_map::Staging staging;
    kdbx_map::WriteContext context{meta, kdbx::Time::from_unix(1700000000), report, staging};
    kdbx_map::PlainMemo memo;
    const kdbx::Entry entry = kdbx_map::write_entry(item, context, "/accounts/0/items/0", std::nullopt, memo);
    REQUIRE(entry.binaries.size() == 1);
    CHECK(std::any_of(entry.custom_data.begin(), entry.custom_data.end(),
                      [](const kdbx::CustomDataItem& d) { return d.key == kdbx_map::item_layout_key; }));
    CHECK(staging.blobs.size() == 1);
    CHECK(entry.binaries[0].index == 0);

    // Mapped again with what the first mapping learnt, straight to the laid-out form: the same entry.
    CHECK(memo.known);
    CHECK(memo.plain == 0);
    Report again;
    kdbx_map::Staging restaged;
    kdbx_map::WriteContext second{meta, kdbx::Time::from_unix(1700000000), again, restaged};
    CHECK(kdbx_map::write_entry(item, second, "/accounts/0/items/0", std::nullopt, memo) == entry);
    CHECK(restaged.blobs.size() == 1);
}
