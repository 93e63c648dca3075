// SPDX-License-Identifier: MIT
// Chrome CSV: pass-import's fixture read field by field and written back row for row; Android apps
// as android://HASH@PACKAGE/ URLs both ways; the older header without `note`.
#include <catch2/catch.hpp>

#include "cxf/encoding/base64.h"
#include "tests/browser_csv/support.h"
#include "tests/support/testdata.h"
#include "tests/support/vault_lookup.h"

using namespace cxf;
using namespace browser_test;

namespace {

// The rows of `text` with each short one filled up to the header's width, as the reader takes them.
Rows padded(const Rows& rows) {
    Rows out = rows;
    for (auto& row : out) row.resize(rows.front().size());
    return out;
}

// A made-up SHA-512 certificate hash as Chrome spells it: base64url, padded.
std::string hash_text() {
    Bytes hash(64);
    for (std::size_t i = 0; i < hash.size(); ++i) hash[i] = static_cast<std::uint8_t>(i * 7);
    std::string text = encoding::base64url_encode(hash);
    return text + "==";
}

}  // namespace

TEST_CASE("pass-import's Chrome export is read field by field", "[chrome-csv]") {
    Report report;
    const Vault vault = read_fixture("chrome-csv", chrome_sample, report);
    REQUIRE(vault.accounts.size() == 1);
    REQUIRE(vault.accounts[0].items.size() == 14);

    const Item& mastodon = vault.accounts[0].items[0];
    CHECK(mastodon.title == "mastodon.social");
    REQUIRE(mastodon.scope);
    CHECK(mastodon.scope->urls == std::vector<std::string>{"https://mastodon.social/"});
    CHECK(test::value(test::only<BasicAuth>(mastodon).username) == "ostqxi");
    CHECK(test::value(test::only<BasicAuth>(mastodon).password) == "D<INNeT?#?Bf4%`zA/4i!/'$T");
    CHECK(test::all<Note>(mastodon).empty());

    const Item& aib = test::item_titled(vault, "aib");
    CHECK(test::value(test::only<BasicAuth>(aib).password) == "ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14");
    // An unquoted note after quoted cells, and a row without a URL.
    const Item& klivak = test::item_titled(vault, "dpbx@klivak.xb");
    CHECK_FALSE(klivak.scope);
    CHECK(test::value(test::only<Note>(klivak).content) == "This is a garbage address");
    CHECK(test::value(test::only<Note>(test::item_titled(vault, "dpbx@fner.ws")).content) == "For financial purpose only!");

    const Item& empty = test::item_titled(vault, "empty entry");
    CHECK_FALSE(empty.scope);
    CHECK_FALSE(test::only<BasicAuth>(empty).username);
    CHECK_FALSE(test::only<BasicAuth>(empty).password);
    CHECK(test::value(test::only<BasicAuth>(test::item_titled(vault, "empty password")).username) == "vkeelpbu");
    CHECK_FALSE(test::only<BasicAuth>(test::item_titled(vault, "empty password")).password);
    CHECK(test::value(test::only<Note>(test::item_titled(vault, "note")).content) ==
          "This is a multiline note entry. Cube shank petroleum guacamole dart mower\n"
          "acutely slashing upper cringing lunchbox tapioca wrongful unbeaten sift.");

    // Eleven rows leave out the trailing note cell: each read with an empty note, and said so.
    std::size_t short_rows = 0;
    for (const Notice& n : report.notices())
        if (n.kind == NoticeKind::changed && n.message.find("the missing ones read as empty") != std::string::npos) ++short_rows;
    CHECK(short_rows == 11);
}

TEST_CASE("Chrome CSV → model → Chrome CSV gives the same rows, also through CXF", "[chrome-csv][round-trip]") {
    const std::string original = test::read_text(test::testdata(chrome_sample));
    Report report;
    const Vault vault = read_text("chrome-csv", original, report);
    Report written;
    CHECK(rows_of(write_text("chrome-csv", vault, written)) == padded(rows_of(original)));
    CHECK_FALSE(written.has_losses());
    Report again;
    CHECK(rows_of(write_text("chrome-csv", through_cxf(vault), again)) == padded(rows_of(original)));
}

TEST_CASE("an android:// URL is an Android app with its certificate, and is written back as read", "[chrome-csv][android]") {
    const std::string url = "android://" + hash_text() + "@com.example.app/";
    const std::string text = "name,url,username,password,note\nExample app," + url + ",u,p,\n";
    Report report;
    const Vault vault = read_text("chrome-csv", text, report);
    const Item& item = vault.accounts[0].items[0];
    REQUIRE(item.scope);
    CHECK(item.scope->urls.empty());
    REQUIRE(item.scope->android_apps.size() == 1);
    const AndroidApp& app = item.scope->android_apps[0];
    CHECK(app.bundle_id == "com.example.app");
    REQUIRE(app.certificate);
    CHECK(app.certificate->hash_alg == "sha512");
    CHECK(app.certificate->fingerprint.size() == 64);
    CHECK(app.certificate->fingerprint[1] == 7);
    CHECK(item.extensions.empty());  // Chrome's own spelling: nothing to keep
    Report written;
    CHECK(rows_of(write_text("chrome-csv", through_cxf(vault), written)) == rows_of(text));

    SECTION("another spelling of the same app is kept and given back") {
        const std::string bare = "name,url,username,password,note\nExample app,android://" + hash_text() + "@com.example.app,u,p,\n";
        Report r;
        const Vault v = read_text("chrome-csv", bare, r);
        CHECK(v.accounts[0].items[0].scope->android_apps.at(0).bundle_id == "com.example.app");
        Report w;
        CHECK(rows_of(write_text("chrome-csv", v, w)) == rows_of(bare));
    }
    SECTION("a hash that is no SHA-256 or SHA-512 is read without a certificate, and reported") {
        const std::string odd = "name,url,username,password,note\nOdd,android://AAAA@com.odd/,u,p,\n";
        Report r;
        const Vault v = read_text("chrome-csv", odd, r);
        CHECK_FALSE(v.accounts[0].items[0].scope->android_apps.at(0).certificate);
        CHECK(has_message(r, NoticeKind::changed, "certificate hash of Android app 'com.odd'"));
        Report w;
        CHECK(rows_of(write_text("chrome-csv", v, w)) == rows_of(odd));
    }
}

TEST_CASE("a login with websites and Android apps is written as one row per website, then per app", "[chrome-csv][android]") {
    Report report;
    Vault vault = read_text("chrome-csv", "name,url,username,password,note\nShop,https://shop.example/,u,p,n\n", report);
    Item& item = vault.accounts[0].items[0];
    item.scope->urls.push_back("https://m.shop.example/");
    item.scope->android_apps.push_back({"com.shop.app", std::nullopt, std::string("Shop app")});
    Report written;
    const Rows rows = rows_of(write_text("chrome-csv", vault, written));
    REQUIRE(rows.size() == 4);
    CHECK(rows[1] == std::vector<std::string>{"Shop", "https://shop.example/", "u", "p", "n"});
    CHECK(rows[2] == std::vector<std::string>{"Shop", "https://m.shop.example/", "u", "p", "n"});
    CHECK(rows[3] == std::vector<std::string>{"Shop", "android://@com.shop.app/", "u", "p", "n"});
    CHECK(has_message(written, NoticeKind::changed, "written as 3 rows"));
    CHECK(has_message(written, NoticeKind::changed, "has no certificate hash"));
    const Notice* name = notice(written, NoticeKind::lost, "Shop", "android-app:com.shop.app");
    REQUIRE(name);
    CHECK(name->detail);

    // Read back: three logins, the app's again an Android app.
    Report back;
    const Vault again = read_text("chrome-csv", write_text("chrome-csv", vault, written), back);
    REQUIRE(again.accounts[0].items.size() == 3);
    CHECK(again.accounts[0].items[2].scope->android_apps.at(0).bundle_id == "com.shop.app");
}

TEST_CASE("the older Chrome header without note reads, and is written back while no login has a note", "[chrome-csv]") {
    const std::string old = "name,url,username,password\nx.example,https://x.example/,u,p\n";
    Report report;
    Vault vault = read_text("chrome-csv", old, report);
    Report written;
    CHECK(rows_of(write_text("chrome-csv", through_cxf(vault), written)) == rows_of(old));
    vault.accounts[0].items[0].credentials.emplace_back(Note{make_field(FieldType::string, "now a note")});
    const Rows with_note = rows_of(write_text("chrome-csv", vault, written));
    CHECK(with_note[0].size() == 5);
    CHECK(with_note[1][4] == "now a note");
}
