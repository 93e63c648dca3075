// SPDX-License-Identifier: MIT
// Firefox CSV: pass-import's fixture read field by field and written back row for row; times in
// milliseconds; httpRealm, formActionOrigin and guid through CXF and back.
#include <catch2/catch.hpp>

#include "cxf/json/extension.h"
#include "tests/browser_csv/support.h"
#include "tests/support/testdata.h"
#include "tests/support/vault_lookup.h"

using namespace cxf;
using namespace browser_test;

namespace {

constexpr std::string_view header =
    "url,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,timePasswordChanged\n";

std::optional<std::string> kept(const Item& item, std::string_view member) {
    const json::ExtensionView own(item.extensions, "cxf.local/firefox");
    const auto value = own.string(member);
    return value ? std::optional<std::string>(*value) : std::nullopt;
}

}  // namespace

TEST_CASE("pass-import's Firefox export is read field by field", "[firefox-csv]") {
    Report report;
    const Vault vault = read_fixture("firefox-csv", firefox_sample, report);
    REQUIRE(vault.accounts.size() == 1);
    REQUIRE(vault.accounts[0].items.size() == 14);

    const Item& first = vault.accounts[0].items[0];
    CHECK(first.title == "mastodon.social");
    CHECK(first.scope->urls == std::vector<std::string>{"mastodon.social"});
    CHECK(test::value(test::only<BasicAuth>(first).username) == "ostqxi");
    CHECK(test::value(test::only<BasicAuth>(first).password) == "D<INNeT?#?Bf4%`zA/4i!/'$T");
    CHECK(first.creation_at == 1600000000);
    CHECK(first.modified_at == 1600000000);
    CHECK(kept(first, "guid") == "{4d998561-4071-425a-9584-68a74e58a7b7}");
    CHECK(kept(first, "timeLastUsed") == "1600000000000");
    CHECK_FALSE(kept(first, "httpRealm"));
    CHECK_FALSE(kept(first, "timeCreated"));  // whole seconds: the item's time gives it back

    const Item& hn = vault.accounts[0].items[2];
    CHECK(hn.title == "news.ycombinator.com");
    CHECK(hn.scope->urls == std::vector<std::string>{"https://news.ycombinator.com"});
    const Item& empty = test::item_titled(vault, "empty entry");
    CHECK_FALSE(test::only<BasicAuth>(empty).username);
    CHECK_FALSE(test::only<BasicAuth>(empty).password);
    CHECK(report.notices().empty());
}

TEST_CASE("Firefox CSV → model → Firefox CSV gives the same rows, also through CXF", "[firefox-csv][round-trip]") {
    const std::string original = test::read_text(test::testdata(firefox_sample));
    Report report;
    const Vault vault = read_text("firefox-csv", original, report);
    Report written;
    const std::string text = write_text("firefox-csv", vault, written);
    CHECK(rows_of(text) == rows_of(original));
    CHECK_FALSE(written.has_losses());
    Report again;
    CHECK(rows_of(write_text("firefox-csv", through_cxf(vault), again)) == rows_of(original));
    CHECK_FALSE(again.has_losses());
    // Written as Firefox writes: every value quoted, an absent one empty.
    CHECK_THAT(text, Catch::StartsWith("\"url\",\"username\",\"password\",\"httpRealm\""));
    CHECK_THAT(text, Catch::Contains("\r\n\"empty entry\",,,,,\"{4d998561-4071-425a-9584-68a74e58a7b7}\",\"1600000000000\""));
}

TEST_CASE("Firefox times are milliseconds: the item holds seconds, the rest is given back", "[firefox-csv][timestamps]") {
    const std::string text = std::string(header) +
                             "https://a.example/,u,p,,https://a.example,{g},1600000000123,1700000000456,1650000000000\n";
    Report report;
    Vault vault = read_text("firefox-csv", text, report);
    Item& item = vault.accounts[0].items[0];
    CHECK(item.creation_at == 1600000000);
    CHECK(item.modified_at == 1650000000);
    CHECK(kept(item, "timeCreated") == "1600000000123");
    CHECK_FALSE(kept(item, "timePasswordChanged"));
    Report written;
    CHECK(rows_of(write_text("firefox-csv", through_cxf(vault), written)) == rows_of(text));

    // Once the item's time changes, the kept milliseconds no longer hold: its seconds are written.
    item.creation_at = 1600000100;
    const Rows rows = rows_of(write_text("firefox-csv", vault, written));
    CHECK(rows[1][6] == "1600000100000");
    CHECK(rows[1][7] == "1700000000456");
    CHECK(rows[1][8] == "1650000000000");

    SECTION("a time that is no number is kept as written and reported") {
        const std::string odd = std::string(header) + "https://a.example/,u,p,,,,yesterday,,\n";
        Report r;
        const Vault v = read_text("firefox-csv", odd, r);
        CHECK_FALSE(v.accounts[0].items[0].creation_at);
        CHECK(has_message(r, NoticeKind::changed, "timeCreated is not a time in milliseconds"));
        Report w;
        CHECK(rows_of(write_text("firefox-csv", v, w)) == rows_of(odd));
    }
}

TEST_CASE("httpRealm, formActionOrigin and guid survive Firefox → CXF → Firefox", "[firefox-csv][round-trip]") {
    const std::string text = std::string(header) +
                             "https://intranet.example,admin,pw,Intranet Realm,,{11111111-2222-3333-4444-555555555555},1,2,3\n"
                             "https://form.example,u,pw2,,https://form.example/login,{66666666-7777-8888-9999-000000000000},4,5,6\n";
    Report report;
    const Vault vault = through_cxf(read_text("firefox-csv", text, report));
    CHECK(kept(vault.accounts[0].items[0], "httpRealm") == "Intranet Realm");
    CHECK(kept(vault.accounts[0].items[1], "formActionOrigin") == "https://form.example/login");
    Report written;
    CHECK(rows_of(write_text("firefox-csv", vault, written)) == rows_of(text));
}

TEST_CASE("a login with two websites becomes two Firefox rows, the guid on the first only", "[firefox-csv]") {
    const std::string text = std::string(header) + "https://a.example,u,p,,https://a.example,{g-1},1000,,1000\n";
    Report report;
    Vault vault = read_text("firefox-csv", text, report);
    vault.accounts[0].items[0].scope->urls.push_back("https://b.example");
    Report written;
    const Rows rows = rows_of(write_text("firefox-csv", vault, written));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][5] == "{g-1}");
    CHECK(rows[2][0] == "https://b.example");
    CHECK(rows[2][5].empty());
    CHECK(rows[2][6] == "1000");
}
