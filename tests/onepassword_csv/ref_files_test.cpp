// SPDX-License-Identifier: MIT
// The two reference exports (testdata/1password/pass-import-*.csv) field by field: the same 14
// entries in 1Password 8's layout and in 1Password 7's "all fields" layout.
#include <catch2/catch.hpp>

#include "cxf/json/extension.h"
#include "tests/onepassword_csv/support.h"

using namespace cxf;
using onepux_test::all;
using onepux_test::item_titled;
using onepux_test::only;
using opcsv_test::value;

namespace {

constexpr std::string_view awkward = "ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14";
constexpr std::string_view two_lines =
    "This is a multiline note entry. Cube shank petroleum guacamole dart mower\n"
    "acutely slashing upper cringing lunchbox tapioca wrongful unbeaten sift.";

// What both layouts hold for the same entries.
void check_common_entries(const Vault& vault) {
    REQUIRE(vault.accounts.size() == 1);
    CHECK(vault.accounts[0].items.size() == 14);

    const Item& aib = item_titled(vault, "aib");
    REQUIRE(aib.scope);
    CHECK(aib.scope->urls == std::vector<std::string>{"https://onlinebanking.aib.ie"});
    CHECK(value(only<BasicAuth>(aib).username) == "dpbx@fner.ws");
    CHECK(value(only<BasicAuth>(aib).password) == awkward);
    CHECK(only<BasicAuth>(aib).password->type == FieldType::concealed_string);

    CHECK(value(only<BasicAuth>(item_titled(vault, "dpbx@afoqwdr.tx")).password) == "9KVHnx:.S_S;cF`=CE@e\\p{v6");
    CHECK(value(only<BasicAuth>(item_titled(vault, "twitter.com")).password) == "SoNEwvU,kJ%-cIKJ9[c#S;]jB");
    CHECK(value(only<BasicAuth>(item_titled(vault, "https://news.ycombinator.com")).password) == "1)Btf2EI~Tfb7g2A!Sy',*Sj#");

    const Item& empty_password = item_titled(vault, "empty password");
    CHECK(value(only<BasicAuth>(empty_password).username) == "vkeelpbu");
    CHECK(value(only<BasicAuth>(empty_password).password) == "<absent>");

    const Item& empty = item_titled(vault, "empty entry");
    CHECK(empty.credentials.empty());
    CHECK_FALSE(empty.scope);

    const Item& note = item_titled(vault, "note");
    REQUIRE(note.credentials.size() == 1);
    CHECK(value(only<Note>(note).content) == two_lines);

    const Item& garbage = item_titled(vault, "dpbx@klivak.xb");
    CHECK_FALSE(garbage.scope);
    CHECK(value(only<Note>(garbage).content) == "This is a garbage address");

    for (const Item& item : vault.accounts[0].items) {
        CAPTURE(item.title);
        CHECK_FALSE(item.favorite);
        CHECK(all<Totp>(item).empty());
        CHECK(all<CustomFields>(item).empty());  // every other column is empty in these files
    }
}

}  // namespace

TEST_CASE("the 1Password 8 reference CSV reads field by field", "[1password-csv]") {
    Report report;
    const Vault vault = opcsv_test::read_fixture(opcsv_test::sample8, report);
    check_common_entries(vault);
    CHECK(report.notices().empty());
    CHECK(vault.accounts[0].collections.empty());
    for (const Item& item : vault.accounts[0].items) {
        CAPTURE(item.title);
        CHECK(item.tags.empty());
        CHECK_FALSE(item.subtitle);
        CHECK(item.extensions.empty());  // not archived
    }
    // Rows in the file's order; ids from the row, the same on every read.
    CHECK(vault.accounts[0].items.front().title == "dpbx@afoqwdr.tx");
    Report again;
    CHECK(opcsv_test::read_fixture(opcsv_test::sample8, again).accounts[0].items[5].id == vault.accounts[0].items[5].id);
}

TEST_CASE("the 1Password 7 reference CSV reads field by field", "[1password-csv]") {
    Report report;
    const Vault vault = opcsv_test::read_fixture(opcsv_test::sample7, report);
    check_common_entries(vault);
    CHECK(report.notices().empty());
    CHECK(vault.accounts[0].items.front().title == "mastodon.social");

    // ainfo is the line under the title.
    CHECK(item_titled(vault, "aib").subtitle == "dpbx@fner.ws");
    CHECK_FALSE(item_titled(vault, "empty entry").subtitle);
    // scope and autosubmit are all "Default": nothing to keep.
    CHECK(item_titled(vault, "aib").extensions.empty());

    // Type holds no category name here but pass-import's groups: one collection each, in order.
    const auto& collections = vault.accounts[0].collections;
    REQUIRE(collections.size() == 6);
    std::vector<std::string> titles;
    for (const Collection& c : collections) titles.push_back(c.title);
    CHECK(titles == std::vector<std::string>{"Social", "Servers", "Bank", "Emails", "Emails/WS", "CornerCases"});
    REQUIRE(collections[5].items.size() == 4);
    CHECK(collections[5].items[0].item == item_titled(vault, "space title").id);
    CHECK(collections[4].items[1].item == item_titled(vault, "dpbx@fner.ws").id);
}

TEST_CASE("1Password 7 columns: a category name in Type, the uuid, settings and template fields", "[1password-csv]") {
    Report report;
    const Vault vault = opcsv_test::read_text(
        ",Title,Type,URL,Username,Password,uuid,scope,autosubmit,cvv,expiry date,section:abc,notesPlain\n"
        ",Card,Credit Card,,,,k2b3,Never,Default,123,2027-08,in a section,Card notes\n",
        report);
    const Item& card = item_titled(vault, "Card");
    CHECK(card.id == Id{'k', '2', 'b', '3'});
    CHECK(vault.accounts[0].collections.empty());
    const json::ExtensionView own(card.extensions, "cxf.local/1password");
    CHECK(own.string("category") == "002");
    CHECK(onepux_test::OwnExtension(card.extensions).json("csvSettings") == R"({"scope":"Never"})");
    CHECK(all<BasicAuth>(card).empty());
    CHECK(value(only<Note>(card).content) == "Card notes");
    CHECK(onepux_test::fields_of(only<CustomFields>(card)) ==
          std::vector<std::string>{"cvv=concealed-string:123", "expiry date=string:2027-08", "section:abc=string:in a section"});
}
