// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "cxf/select/select.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

Item titled(std::uint8_t id, std::string title) {
    Item item;
    item.id = {id};
    item.title = std::move(title);
    return item;
}

Collection folder(std::uint8_t id, std::string title, std::vector<std::uint8_t> items) {
    Collection c;
    c.id = {id};
    c.title = std::move(title);
    for (const std::uint8_t i : items) c.items.push_back({{i}, std::nullopt});
    return c;
}

// Work (Mail) / Work/Servers (Build) / Home (Bank); Notes in no folder.
Vault sample() {
    Vault v;
    Account& a = v.accounts.emplace_back();
    Item mail = titled(1, "Mail");
    mail.credentials.emplace_back(BasicAuth{});
    mail.credentials.emplace_back(Totp{});
    mail.tags = {"work", "Email"};
    Item build = titled(2, "Build server");
    build.credentials.emplace_back(BasicAuth{});
    build.tags = {"work"};
    Item bank = titled(3, "Bank");
    bank.credentials.emplace_back(Passkey{});
    Item notes = titled(4, "notes.txt");
    notes.credentials.emplace_back(Note{});
    a.items.push_back(std::move(mail));
    a.items.push_back(std::move(build));
    a.items.push_back(std::move(bank));
    a.items.push_back(std::move(notes));
    Collection work = folder(10, "Work", {1});
    work.sub_collections.push_back(folder(11, "Servers", {2}));
    a.collections.push_back(std::move(work));
    a.collections.push_back(folder(12, "Home", {3}));
    return v;
}

std::vector<std::string> titles_selected(const std::vector<std::string>& filters, SelectionCount* count = nullptr) {
    Selection s;
    for (const std::string& f : filters) add_filter(s, f);
    Vault v = sample();
    const SelectionCount c = select(v, s);
    if (count) *count = c;
    std::vector<std::string> out;
    for (const Item& item : v.accounts[0].items) out.push_back(item.title);
    return out;
}

using Titles = std::vector<std::string>;

}  // namespace

TEST_CASE("glob patterns match whole titles, ignoring ASCII case", "[unit][select]") {
    CHECK(glob_matches("*", ""));
    CHECK(glob_matches("bank", "BANK"));
    CHECK(glob_matches("b?nk", "Bank"));
    CHECK(glob_matches("*server*", "Build Server 2"));
    CHECK(glob_matches("*.txt", "notes.txt"));
    CHECK(glob_matches("a*b*c", "aXXbYYbc"));
    CHECK_FALSE(glob_matches("bank", "Bank account"));
    CHECK_FALSE(glob_matches("?", ""));
    CHECK_FALSE(glob_matches("*.txt", "notes.txt.bak"));
}

TEST_CASE("no filter selects every item", "[unit][select]") {
    SelectionCount count;
    CHECK(titles_selected({}, &count) == Titles{"Mail", "Build server", "Bank", "notes.txt"});
    CHECK(count.selected == 4);
    CHECK(count.of == 4);
}

TEST_CASE("each filter key selects its items", "[unit][select]") {
    CHECK(titles_selected({"folder:Work"}) == Titles{"Mail", "Build server"});  // with its sub-collection
    CHECK(titles_selected({"folder:work/servers"}) == Titles{"Build server"});
    CHECK(titles_selected({"folder:Wo"}).empty());  // a path, not a prefix of a name
    CHECK(titles_selected({"tag:email"}) == Titles{"Mail"});
    CHECK(titles_selected({"title:b*"}) == Titles{"Build server", "Bank"});
    CHECK(titles_selected({"type:passkey"}) == Titles{"Bank"});
    CHECK(titles_selected({"type:login"}) == Titles{"Mail", "Build server"});
}

TEST_CASE("filters of one key are alternatives, different keys must all match", "[unit][select]") {
    CHECK(titles_selected({"folder:Home", "folder:Work/Servers"}) == Titles{"Build server", "Bank"});
    SelectionCount count;
    CHECK(titles_selected({"tag:work", "type:totp"}, &count) == Titles{"Mail"});
    CHECK(count.selected == 1);
    CHECK(count.of == 4);
    CHECK(titles_selected({"folder:Home", "type:basic-auth"}).empty());
}

TEST_CASE("collections keep only what links a selected item", "[unit][select]") {
    Selection s;
    add_filter(s, "title:Build*");
    Vault v = sample();
    select(v, s);
    const auto& collections = v.accounts[0].collections;
    REQUIRE(collections.size() == 1);
    CHECK(collections[0].title == "Work");
    CHECK(collections[0].items.empty());
    REQUIRE(collections[0].sub_collections.size() == 1);
    CHECK(collections[0].sub_collections[0].items.size() == 1);
}

TEST_CASE("an unknown filter key or credential type is a usage error naming the valid ones", "[unit][select]") {
    Selection s;
    const Error key = test::thrown_by([&] { add_filter(s, "colour:red"); });
    CHECK(key.code() == Errc::usage);
    CHECK_THAT(key.what(), Catch::Contains("folder, tag, title, type"));
    CHECK_THAT(key.what(), Catch::Contains("`filter` colour:red"));
    const Error kind = test::thrown_by([&] { add_filter(s, "type:password"); });
    CHECK(kind.code() == Errc::usage);
    CHECK_THAT(kind.what(), Catch::Contains("basic-auth, passkey, totp"));
    CHECK(test::thrown_by([&] { add_filter(s, "no-colon"); }).code() == Errc::usage);
    CHECK(test::thrown_by([&] { add_filter(s, "tag:"); }).code() == Errc::usage);
    CHECK(s.empty());
    add_filter(s, "type:login");
    CHECK(s.types == std::vector<std::string>{"basic-auth"});
    CHECK(s.expressions == std::vector<std::string>{"type:login"});
}
