// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "cxf/merge/identity.h"
#include "cxf/merge/merge.h"
#include "tests/support/vault_lookup.h"

using namespace cxf;
using test::all;
using test::item_titled;

namespace {

Item login(std::uint8_t id, std::string title, std::string url, std::string_view username, std::string_view password,
           Timestamp modified) {
    Item item;
    item.id = {id};
    item.title = std::move(title);
    item.modified_at = modified;
    item.scope.emplace().urls.push_back(std::move(url));
    BasicAuth basic;
    basic.username = make_field(FieldType::string, username);
    basic.password = make_field(FieldType::concealed_string, password);
    item.credentials.emplace_back(std::move(basic));
    return item;
}

Passkey passkey(std::string rp_id, Bytes credential_id, std::uint8_t key_byte) {
    Passkey p;
    p.rp_id = std::move(rp_id);
    p.credential_id = std::move(credential_id);
    p.key = crypto::SecureBytes{key_byte, 2, 3};
    p.username = "kara";
    return p;
}

Totp totp(std::string_view secret) {
    Totp t;
    t.secret = crypto::Secret(secret);
    return t;
}

MergeSource source(std::string name, std::vector<Item> items) {
    MergeSource s{std::move(name), {}};
    Account& a = s.vault.accounts.emplace_back();
    a.id = {0xA0};
    a.items = std::move(items);
    return s;
}

std::vector<MergeSource> sources(MergeSource a, MergeSource b) {
    std::vector<MergeSource> out;
    out.push_back(std::move(a));
    out.push_back(std::move(b));
    return out;
}

const std::vector<Item>& items(const Merged& m) { return m.vault.accounts.at(0).items; }

}  // namespace

TEST_CASE("a site is its scheme, host and port, ignoring case, path and default ports", "[unit][merge]") {
    using merging::normalised_site;
    CHECK(normalised_site("https://Example.COM/login?x=1") == "https://example.com");
    CHECK(normalised_site("HTTPS://user@example.com:443/") == "https://example.com");
    CHECK(normalised_site("example.com") == "https://example.com");
    CHECK(normalised_site("http://example.com:80") == "http://example.com");
    CHECK(normalised_site("https://example.com:8443/a") == "https://example.com:8443");
    CHECK(normalised_site("https://[::1]:8443") == "https://[::1]:8443");
    CHECK(normalised_site("https://") == "");
    CHECK(merging::same_url("https://A.example.com/x/", "https://a.example.com/x"));
    CHECK_FALSE(merging::same_url("https://a.example.com/x", "https://a.example.com/y"));
}

TEST_CASE("the same passkey in two sources is kept once, the newest, with what the other adds", "[unit][merge]") {
    Item old_item = login(1, "webauthn.io", "https://webauthn.io/", "kara", "old-secret", 100);
    old_item.credentials.emplace_back(passkey("webauthn.io", {9, 9}, 1));
    old_item.credentials.emplace_back(totp("JBSWY3DPEHPK3PXP"));
    old_item.tags = {"imported"};
    // Another site in the URL: only the passkey makes them one.
    Item new_item = login(2, "WebAuthn", "https://other.example", "kara", "new-secret", 200);
    new_item.credentials.emplace_back(passkey("webauthn.io", {9, 9}, 1));
    Report report;
    const Merged m = merge(sources(source("a.json", {}), source("b.kdbx", {})), report);
    CHECK(items(m).empty());

    std::vector<Item> first, second;
    first.push_back(std::move(old_item));
    second.push_back(std::move(new_item));
    const Merged merged = merge(sources(source("a.json", std::move(first)), source("b.kdbx", std::move(second))), report);
    REQUIRE(items(merged).size() == 1);
    const Item& kept = items(merged)[0];
    CHECK(kept.title == "WebAuthn");
    CHECK(all<Passkey>(kept).size() == 1);
    REQUIRE(all<Totp>(kept).size() == 1);  // the seed only the older copy had
    CHECK(all<Totp>(kept)[0]->secret.view() == "JBSWY3DPEHPK3PXP");
    CHECK(test::value(test::only<BasicAuth>(kept).password) == "new-secret");
    CHECK(kept.tags == std::vector<std::string>{"imported"});
    REQUIRE(merged.duplicates.size() == 1);
    CHECK(merged.duplicates[0].matched_by == "passkey for webauthn.io");
    CHECK(merged.duplicates[0].kept.source == 1);
    REQUIRE(merged.duplicates[0].merged.size() == 1);
    CHECK(merged.duplicates[0].merged[0].title == "webauthn.io");
    CHECK(merged.duplicates[0].added == std::vector<std::string>{"totp"});
    // The passwords differ: a conflict that names the field, never its values.
    REQUIRE(merged.conflicts.size() == 1);
    CHECK(merged.conflicts[0].kept.title == "WebAuthn");
    CHECK(merged.conflicts[0].other.title == "webauthn.io");
    CHECK(merged.conflicts[0].fields == std::vector<std::string>{"basic-auth.password"});
}

TEST_CASE("a login is one by site and username within a source, and a tie keeps the earlier", "[unit][merge]") {
    std::vector<Item> one;
    one.push_back(login(1, "Forum", "https://forum.example.org/", "dave", "pw", 50));
    one.push_back(login(2, "Forum again", "HTTPS://FORUM.example.org:443/login", "dave", "pw", 50));
    one.push_back(login(3, "Forum, other user", "https://forum.example.org", "erin", "pw", 50));
    Report report;
    const Merged m = merge(sources(source("a.json", std::move(one)), source("b.json", {})), report);
    REQUIRE(items(m).size() == 2);
    CHECK(items(m)[0].title == "Forum");
    CHECK(items(m)[1].title == "Forum, other user");
    REQUIRE(m.duplicates.size() == 1);
    CHECK(m.duplicates[0].matched_by == "login at https://forum.example.org");
    CHECK(m.duplicates[0].added.empty());
    CHECK(m.conflicts.empty());  // the same password
}

TEST_CASE("an item without a modification date loses to one with a date", "[unit][merge]") {
    std::vector<Item> a, b;
    a.push_back(login(1, "undated", "https://x.example", "u", "p1", 0));
    a.back().modified_at.reset();
    b.push_back(login(2, "dated", "https://x.example", "u", "p2", 1));
    Report report;
    const Merged m = merge(sources(source("a", std::move(a)), source("b", std::move(b))), report);
    REQUIRE(items(m).size() == 1);
    CHECK(items(m)[0].title == "dated");
}

TEST_CASE("an id already taken is replaced, and links and notices follow", "[unit][merge]") {
    std::vector<Item> a, b;
    a.push_back(login(7, "First", "https://one.example", "u", "p", 1));
    b.push_back(login(7, "Second", "https://two.example", "u", "p", 1));
    MergeSource second = source("b.json", std::move(b));
    Collection shared;
    shared.id = {0xC0};
    shared.title = "Shared";
    shared.items.push_back({{7}, std::nullopt});
    second.vault.accounts[0].collections.push_back(std::move(shared));
    MergeSource first = source("a.json", std::move(a));
    Collection same_title;
    same_title.id = {0xC1};
    same_title.title = "Shared";
    first.vault.accounts[0].collections.push_back(std::move(same_title));
    Report report;
    const Merged m = merge(sources(std::move(first), std::move(second)), report);
    REQUIRE(items(m).size() == 2);
    CHECK(items(m)[0].id == Id{7});
    const Id rekeyed = items(m)[1].id;
    CHECK(rekeyed != Id{7});
    CHECK(rekeyed.size() == 16);
    // One "Shared" collection (the first source's), linking the re-keyed item.
    const auto& collections = m.vault.accounts[0].collections;
    REQUIRE(collections.size() == 1);
    CHECK(collections[0].id == Id{0xC1});
    REQUIRE(collections[0].items.size() == 1);
    CHECK(collections[0].items[0].item == rekeyed);
    REQUIRE(report.count(NoticeKind::changed) == 1);
    const Notice& n = report.notices()[0];
    CHECK(n.place == "b.json");
    CHECK(n.item == "Second");
    CHECK(n.field == "id");
}

TEST_CASE("a duplicate's links go, the kept item stays in its own collections", "[unit][merge]") {
    std::vector<Item> a, b;
    a.push_back(login(1, "Old", "https://x.example", "u", "p", 1));
    b.push_back(login(2, "New", "https://x.example", "u", "p", 2));
    MergeSource first = source("a", std::move(a));
    Collection folder;
    folder.id = {0xC0};
    folder.title = "Old folder";
    folder.items.push_back({{1}, std::nullopt});
    first.vault.accounts[0].collections.push_back(std::move(folder));
    Report report;
    const Merged m = merge(sources(std::move(first), source("b", std::move(b))), report);
    REQUIRE(items(m).size() == 1);
    CHECK(items(m)[0].title == "New");
    REQUIRE(m.vault.accounts[0].collections.size() == 1);
    CHECK(m.vault.accounts[0].collections[0].items.empty());
}

TEST_CASE("passkeys and files the kept item lacks are added, never dropped", "[unit][merge]") {
    std::vector<Item> a, b;
    a.push_back(login(1, "Site", "https://x.example", "u", "p", 2));
    a.back().credentials.emplace_back(passkey("x.example", {1}, 1));
    b.push_back(login(2, "Site copy", "https://x.example", "u", "p", 1));
    b.back().credentials.emplace_back(passkey("x.example", {2}, 2));  // another passkey of the same login
    File file;
    file.id = {0xF0};
    file.name = "backup-codes.txt";
    file.integrity_hash = {1, 2, 3};
    b.back().credentials.emplace_back(std::move(file));
    b.back().credentials.emplace_back(totp("JBSWY3DPEHPK3PXP"));
    a.back().credentials.emplace_back(totp("KRSXG5CTMVRXEZLU"));
    Report report;
    const Merged m = merge(sources(source("a", std::move(a)), source("b", std::move(b))), report);
    REQUIRE(items(m).size() == 1);
    const Item& kept = items(m)[0];
    CHECK(all<Passkey>(kept).size() == 2);
    CHECK(all<File>(kept).size() == 1);
    CHECK(all<Totp>(kept).size() == 1);  // one TOTP per item: the kept one's, the other's a conflict
    CHECK(m.duplicates[0].added == std::vector<std::string>{"passkey", "file"});
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0].fields == std::vector<std::string>{"totp.secret"});
}
