// SPDX-License-Identifier: MIT
// Apple Passwords CSV: the fixture read field by field, and written back row for row, directly and
// through CXF.
#include <catch2/catch.hpp>

#include "tests/browser_csv/support.h"
#include "tests/support/testdata.h"
#include "tests/support/vault_lookup.h"

using namespace cxf;
using namespace browser_test;

TEST_CASE("the Apple Passwords fixture is read field by field", "[apple-csv]") {
    Report report;
    const Vault vault = read_fixture("apple-csv", apple_sample, report);
    REQUIRE(vault.accounts.size() == 1);
    REQUIRE(vault.accounts[0].items.size() == 5);

    const Item& first = vault.accounts[0].items[0];
    CHECK(first.title == "example.com (jane@example.com)");
    REQUIRE(first.scope);
    CHECK(first.scope->urls == std::vector<std::string>{"https://example.com/"});
    const auto& auth = test::only<BasicAuth>(first);
    CHECK(test::value(auth.username) == "jane@example.com");
    CHECK(test::value(auth.password) == "h0rse,battery \"staple\"");
    CHECK(auth.password->type == FieldType::concealed_string);
    CHECK(test::all<Note>(first).empty());
    CHECK(test::all<Totp>(first).empty());

    const Item& bank = test::item_titled(vault, "Bank");
    CHECK(test::value(test::only<Note>(bank).content) == "PIN is not here,\nask \"Bob\"\nthird line");
    const Totp& totp = test::only<Totp>(bank);
    CHECK(totp.secret.view() == "JBSWY3DPEHPK3PXP");
    CHECK(totp.algorithm == "sha256");
    CHECK(totp.digits == 8);
    CHECK(totp.period == 60);
    CHECK(totp.issuer == "Bank");
    CHECK(totp.username == "jane");

    const Item& no_site = test::item_titled(vault, "Caf\u00e9 W\u00fc\u00dfte");
    CHECK_FALSE(no_site.scope);
    CHECK(test::value(test::only<BasicAuth>(no_site).username) == "guest");
    CHECK(test::value(test::only<Note>(no_site).content) == "no website");
    CHECK(report.notices().empty());
}

TEST_CASE("Apple Passwords CSV → model → Apple Passwords CSV gives the same rows, also through CXF", "[apple-csv][round-trip]") {
    const std::string original = test::read_text(test::testdata(apple_sample));
    Report report;
    const Vault vault = read_text("apple-csv", original, report);
    Report written;
    CHECK(rows_of(write_text("apple-csv", vault, written)) == rows_of(original));
    CHECK_FALSE(written.has_losses());
    Report again;
    CHECK(rows_of(write_text("apple-csv", through_cxf(vault), again)) == rows_of(original));
    CHECK_FALSE(again.has_losses());
}

TEST_CASE("an OTPAuth cell that is no TOTP is kept as written and reported", "[apple-csv]") {
    const std::string text = "Title,URL,Username,Password,Notes,OTPAuth\nx,https://x.example/,u,p,,otpauth://hotp/x?secret=AAAA&counter=1\n";
    Report report;
    const Vault vault = read_text("apple-csv", text, report);
    CHECK(test::all<Totp>(vault.accounts[0].items[0]).empty());
    CHECK(has_message(report, NoticeKind::changed, "no TOTP cxf can read"));
    Report written;
    CHECK(rows_of(write_text("apple-csv", vault, written)) == rows_of(text));
}

TEST_CASE("an Apple Passwords header in another order and case reads, and names a missing column", "[apple-csv]") {
    Report report;
    const Vault vault = read_text("apple-csv", "password,TITLE,username,url,Extra\ns3cr3t,T,u,https://t.example/,x\n", report);
    const Item& item = vault.accounts[0].items[0];
    CHECK(item.title == "T");
    CHECK(test::value(test::only<BasicAuth>(item).password) == "s3cr3t");
    CHECK(has_message(report, NoticeKind::changed, "column 5 is not one of the Apple Passwords CSV columns"));
    try {
        read_text("apple-csv", "Title,URL,Password\nT,https://t.example/,s3cr3t\n", report);
        FAIL("no error for a header without Username");
    } catch (const Error& e) {
        CHECK(e.where().place == "line 1");
        CHECK_THAT(e.what(), Catch::Contains("no 'Username' column"));
    }
}
