// SPDX-License-Identifier: MIT
// A CXF file is anyone's text: a "cxf.local/kdbx" extension cxf never wrote (attachment references
// into nothing, a huge or negative pool, markup, impossible header records) is refused as malformed
// or cannot reach past what the vault holds; it never reads out of bounds or allocates without bound.
#include <catch2/catch.hpp>

#include <functional>

#include "cxf/cxf_json/cxf_json.h"
#include "exporters/kdbx/write.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

// A CXF file whose only account has `items` and the extension {"name":"cxf.local/kdbx", <members>}.
Vault vault_with(std::string_view members, std::string_view items = "[]") {
    const std::string json = R"({"version":{"major":1,"minor":0},"exporterRpId":"x.example","exporterDisplayName":"X",
        "timestamp":1705228800,"accounts":[{"id":"AAECAwQFBgcICQoLDA0ODw","username":"u","email":"u@example.com",
        "collections":[],"items":)" + std::string(items) + R"(,"extensions":[{"name":"cxf.local/kdbx",)" +
                             std::string(members) + "}]}]}";
    Report report;
    return cxf_json::read(json, "crafted.cxf", {}, report);
}

kdbx::Database to_database(const Vault& vault) {
    Report report;
    return kdbx_map::to_database(vault, report, 1700000000);
}

Error refused(const Vault& vault) {
    return test::thrown_by([&] { to_database(vault); });
}

// Every attachment reference, history at any depth included, names a binary of the pool.
bool refs_in_pool(const kdbx::Database& db) {
    bool ok = true;
    const std::function<void(const kdbx::Entry&)> entry = [&](const kdbx::Entry& e) {
        for (const kdbx::BinaryRef& r : e.binaries) ok = ok && r.index < db.binaries.size();
        for (const kdbx::Entry& h : e.history) entry(h);
    };
    const std::function<void(const kdbx::Group&)> group = [&](const kdbx::Group& g) {
        for (const kdbx::Entry& e : g.entries) entry(e);
        for (const kdbx::Group& c : g.groups) group(c);
    };
    group(db.root);
    return ok;
}

// An item with one attachment, as a KDBX or archive reader gives it (CXF JSON text holds no bytes).
Vault with_attachment(Vault vault, std::string_view bytes) {
    Item item;
    item.id = Id(16, 0x42);
    item.title = "with attachment";
    File file;
    file.id = Id{1, 2, 3};
    file.name = "a.txt";
    file.data = crypto::secure_copy(as_bytes(bytes));
    item.credentials.emplace_back(std::move(file));
    vault.accounts[0].items.push_back(std::move(item));
    return vault;
}

}  // namespace

TEST_CASE("crafted extension: entries and groups under the root or an account group are not read", "[kdbx-mapping]") {
    const Vault root = vault_with(R"("root":{"uuid":"AAECAwQFBgcICQoLDA0ODw==","name":"Root","notes":"",
        "entries":[{"uuid":"AAAAAAAAAAAAAAAAAAAAAQ==","strings":[],"binaries":[["a",7]]}],
        "groups":[{"uuid":"AAAAAAAAAAAAAAAAAAAAAg==","name":"g","notes":"","entries":[{"binaries":[["b",3]]}]}]})");
    const kdbx::Database db = to_database(root);
    CHECK(db.root.entries.empty());
    CHECK(db.root.groups.empty());
    CHECK(db.root.name == "Root");
    CHECK(db.binaries.empty());
    CHECK_NOTHROW(kdbx::save(db, test::kdbx::password_key("pw"), test::kdbx::cheap_settings()));

    Report report;
    Vault two = cxf_json::read(R"({"version":{"major":1,"minor":0},"exporterRpId":"x.example","exporterDisplayName":"X",
        "timestamp":1705228800,"accounts":[{"id":"AAECAwQFBgcICQoLDA0ODw","username":"u","email":"","collections":[],"items":[]},
        {"id":"AAECAwQFBgcICQoLDA0OEA","username":"v","email":"","collections":[],"items":[],"extensions":[
        {"name":"cxf.local/kdbx","group":{"uuid":"AAECAwQFBgcICQoLDA0OEA==","name":"v","notes":"",
        "entries":[{"binaries":[["a",7]]}],"groups":[{"entries":[{"binaries":[["b",9]]}]}]}}]}]})",
                               "crafted.cxf", {}, report);
    const kdbx::Database with_account = to_database(two);
    REQUIRE(with_account.root.groups.size() == 1);
    CHECK(with_account.root.groups[0].entries.empty());
    CHECK(with_account.root.groups[0].groups.empty());
    CHECK(with_account.binaries.empty());
}

TEST_CASE("crafted extension: recycle-bin attachments are found in history at any depth", "[kdbx-mapping]") {
    const Vault vault = with_attachment(vault_with(R"("recycleBin":{"index":0,"group":{"uuid":"AAAAAAAAAAAAAAAAAAAAAw==",
        "name":"Recycle Bin","notes":"","entries":[{"uuid":"AAAAAAAAAAAAAAAAAAAABA==","binaries":[["top",0]],
        "history":[{"binaries":[["old",0]],"history":[{"binaries":[["older",5]]}]}]}]}},
        "pool":{"size":6,"binaries":[{"index":0,"data":"Ymlu"},{"index":5,"data":"b2xkZXI="}]})"),
                                       "live");
    const kdbx::Database db = to_database(vault);
    CHECK(db.binaries.size() == 3);  // "live", "bin", "older"
    CHECK(refs_in_pool(db));
    CHECK_NOTHROW(kdbx::save(db, test::kdbx::password_key("pw"), test::kdbx::cheap_settings()));
}

TEST_CASE("crafted extension: the pool size is checked before it sizes anything", "[kdbx-mapping]") {
    // A billion slots that nothing could fill: the kept order is dropped, nothing is allocated for it.
    const kdbx::Database db = to_database(with_attachment(vault_with(R"("pool":{"size":1000000000,"explicit":true})"), "x"));
    CHECK(db.binaries.size() == 1);
    CHECK(refs_in_pool(db));

    const Error negative = refused(vault_with(R"("pool":{"size":-1})"));
    CHECK(negative.code() == Errc::malformed);
    CHECK(negative.where().place == "extension cxf.local/kdbx of account 0/pool/size");
    CHECK(refused(vault_with(R"("pool":{"protect":[-3]})")).code() == Errc::malformed);
    CHECK(refused(vault_with(R"("recycleBin":{"index":-1})")).code() == Errc::malformed);
}

TEST_CASE("crafted extension: unknown XML must be one element, or it could rewrite the document", "[kdbx-mapping]") {
    for (const char* bad : {"</Meta><Root><Group><Name>injected</Name></Group></Root>", "<a/><b/>", "text<a/>", "<a/>text",
                            "<!DOCTYPE a><a/>", "<?xml version=\"1.0\"?><a/>", "<!-- c --><a/>", "<?pi x?><a/>", "", "<a>"}) {
        CAPTURE(bad);
        std::string json;
        for (const char c : std::string_view(bad)) {
            if (c == '"' || c == '\\') json.push_back('\\');
            json.push_back(c);
        }
        const Error e = refused(vault_with(R"("unknown":[")" + json + R"("])"));
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().place == "extension cxf.local/kdbx of account 0/unknown/0");
        CHECK(refused(vault_with(R"("meta":{"unknown":[")" + json + R"("]})")).code() == Errc::malformed);
        CHECK(refused(vault_with(R"("root":{"unknown":[")" + json + R"("]})")).code() == Errc::malformed);
    }
    const kdbx::Database db = to_database(vault_with(R"("unknown":["  <Plugin a=\"1\"><Data>x &amp; y</Data></Plugin>\n"])"));
    CHECK(db.unknown.size() == 1);
}

TEST_CASE("crafted extension: header custom data takes only records KDBX can store and read back", "[kdbx-mapping]") {
    const auto with = [](std::string_view record) { return vault_with(R"("publicCustomData":[)" + std::string(record) + "]"); };
    for (const char* bad : {R"({"name":"end","type":0,"value":""})", R"({"name":"big","type":256,"value":""})",
                            R"({"name":"neg","type":-1,"value":""})", R"({"name":"u32","type":4,"value":"AQID"})",
                            R"({"name":"u64","type":5,"value":"AQIDBA=="})", R"({"name":"b","type":8,"value":"Ag=="})",
                            R"({"name":"b","type":8})"}) {
        CAPTURE(bad);
        const Error e = refused(with(bad));
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().place.starts_with("extension cxf.local/kdbx of account 0/publicCustomData/0"));
    }
    const kdbx::Database db = to_database(with(R"({"name":"u32","type":4,"value":"AQIDBA=="},{"name":"odd","type":67,"value":"AQ=="},
        {"name":"bytes","value":"AQ=="})"));
    REQUIRE(db.public_custom_data.size() == 3);
    const kdbx::CompositeKey key = test::kdbx::password_key("pw");
    const crypto::SecureBytes file = kdbx::save(db, key, test::kdbx::cheap_settings());
    CHECK(kdbx::open(file, key, {}, "saved.kdbx").public_custom_data == db.public_custom_data);
}

TEST_CASE("crafted extension: an empty list of passkey credential id keys keeps cxf's own", "[kdbx-mapping]") {
    const Vault vault = vault_with(R"("pool":{"size":0})", R"([{"id":"AAAAAAAAAAAAAAAAAAAAAQ","title":"site","credentials":[
        {"type":"passkey","credentialId":"AQID","rpId":"example.com","username":"u","userDisplayName":"U","userHandle":"BAUG",
         "key":"MC4CAQAwBQYDK2VwBCIEIPGYLzucNk02lunpU5oU-ZhE2LOfNq8jfmxPbwHBqtsX"}],
        "extensions":[{"name":"cxf.local/kdbx","passkey":{"credentialIdKeys":[]}}]}])");
    const kdbx::Database db = to_database(vault);
    REQUIRE(db.root.entries.size() == 1);
    const kdbx::StringField* id = db.root.entries[0].find("KPEX_PASSKEY_CREDENTIAL_ID");
    REQUIRE(id);
    CHECK(id->value.view() == "AQID");
}
