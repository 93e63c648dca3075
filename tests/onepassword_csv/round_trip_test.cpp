// SPDX-License-Identifier: MIT
// Write → read of the 1Password 8 layout for what it holds: the CSV cxf writes reads back to the
// same items, and a CSV in the writer's own form comes back byte for byte.
#include <catch2/catch.hpp>

#include "cxf/json/extension.h"
#include "cxf/otp/otpauth.h"
#include "tests/onepassword_csv/support.h"

using namespace cxf;
using onepux_test::all;
using onepux_test::item_titled;
using onepux_test::only;
using opcsv_test::value;

namespace {

// Favourite, archived, tags (one nested), a TOTP URI and a bare secret, quotes, commas and a line
// break in cells, an empty password, an entry with a title only.
constexpr std::string_view exported =
    "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\r\n"
    "Mail,https://mail.example.com,jane,\"pa,ss \"\"q\"\"\",otpauth://totp/Mail:jane?secret=JBSWY3DPEHPK3PXP&issuer=Mail,"
    "true,false,\"work,mail/inbox\",\"two\nlines\"\r\n"
    "Old,https://old.example.com,jane,,GEZDGNBVGY3TQOJQ,false,true,,\r\n"
    "Title only,,,,,false,false,,\r\n";

bool archived(const Item& item) {
    return json::ExtensionView(item.extensions, "cxf.local/1password").string("state") == "archived";
}

}  // namespace

TEST_CASE("a 1Password 8 CSV with favourites, archived items, tags and TOTPs reads field by field", "[1password-csv]") {
    Report report;
    const Vault vault = opcsv_test::read_text(exported, report);
    REQUIRE(vault.accounts[0].items.size() == 3);

    const Item& mail = item_titled(vault, "Mail");
    CHECK(mail.favorite);
    CHECK_FALSE(archived(mail));
    CHECK(mail.tags == std::vector<std::string>{"work", "mail/inbox"});
    CHECK(value(only<BasicAuth>(mail).password) == "pa,ss \"q\"");
    const Totp& totp = only<Totp>(mail);
    CHECK(totp.secret.view() == "JBSWY3DPEHPK3PXP");
    CHECK(totp.issuer == "Mail");
    CHECK(totp.username == "jane");
    CHECK(value(only<Note>(mail).content) == "two\nlines");

    const Item& old = item_titled(vault, "Old");
    CHECK_FALSE(old.favorite);
    CHECK(archived(old));
    CHECK(value(only<BasicAuth>(old).password) == "<absent>");
    CHECK(only<Totp>(old).secret.view() == "GEZDGNBVGY3TQOJQ");
    CHECK(onepux_test::count(report, NoticeKind::changed, "archived in 1Password") == 1);

    CHECK(item_titled(vault, "Title only").credentials.empty());
}

TEST_CASE("a 1Password 8 CSV written by cxf reads back to the same text", "[1password-csv]") {
    Report read_report;
    const Vault vault = opcsv_test::read_text(exported, read_report);
    Report write_report;
    CHECK(opcsv_test::write_text(vault, write_report) == exported);
    CHECK(write_report.notices().empty());
}

TEST_CASE("items made elsewhere keep in the CSV what it can hold", "[1password-csv]") {
    Vault vault;
    Account& account = vault.accounts.emplace_back();
    Item& item = account.items.emplace_back();
    item.id = Id{1};
    item.title = "Bank";
    item.favorite = true;
    item.tags = {"money"};
    item.scope = CredentialScope{{"https://bank.example"}, {}};
    item.credentials.emplace_back(BasicAuth{make_field(FieldType::string, "me"), make_field(FieldType::concealed_string, "s3cr3t")});
    Totp totp;
    totp.secret = crypto::Secret("JBSWY3DPEHPK3PXP");
    totp.digits = 8;
    totp.algorithm = "sha256";
    item.credentials.emplace_back(std::move(totp));
    item.credentials.emplace_back(Note{make_field(FieldType::string, "first")});
    item.credentials.emplace_back(Note{make_field(FieldType::string, "second")});
    Collection& folder = account.collections.emplace_back();
    folder.title = "Finance";
    folder.sub_collections.emplace_back().title = "Banks";
    folder.sub_collections[0].items.push_back(LinkedItem{item.id, std::nullopt});

    Report report;
    const std::string text = opcsv_test::write_text(vault, report);
    CHECK(onepux_test::count(report, NoticeKind::changed, "collection 'Finance/Banks' written as a tag") == 1);
    CHECK(report.count(NoticeKind::lost) == 0);

    Report again;
    const Vault back = opcsv_test::read_text(text, again);
    const Item& bank = item_titled(back, "Bank");
    CHECK(bank.favorite);
    CHECK(bank.tags == std::vector<std::string>{"money", "Finance/Banks"});
    REQUIRE(bank.scope);
    CHECK(bank.scope->urls == std::vector<std::string>{"https://bank.example"});
    CHECK(value(only<BasicAuth>(bank).username) == "me");
    CHECK(value(only<BasicAuth>(bank).password) == "s3cr3t");
    const Totp& read_totp = only<Totp>(bank);
    CHECK(otp::same_secret(read_totp.secret, crypto::Secret("JBSWY3DPEHPK3PXP")));
    CHECK(read_totp.digits == 8);
    CHECK(read_totp.algorithm == "sha256");
    CHECK(value(only<Note>(bank).content) == "first\n\nsecond");  // the notes of one row
}

TEST_CASE("1PUX → 1Password CSV keeps the login, TOTP, favourite, archived state, tags and vault", "[1password-csv]") {
    Report report;
    const Vault source = onepux_test::read(onepux_test::keepassxc_sample, report);
    Report write_report;
    const std::string text = opcsv_test::write_text(source, write_report);
    Report read_report;
    const Vault back = opcsv_test::read_text(text, read_report);
    CHECK(back.accounts[0].items.size() == source.accounts[0].items.size());

    const Item& login = item_titled(back, "Login");
    CHECK(login.favorite);
    CHECK(login.tags == std::vector<std::string>{"website", "Personal"});
    CHECK(value(only<BasicAuth>(login).username) == "team@keepassxc.org");
    CHECK(value(only<Note>(login).content) == "Note to self");
    CHECK(only<Totp>(login).secret.view() == "DFDFDEF");
    CHECK(archived(item_titled(back, "Login Archived")));
    CHECK(item_titled(back, "Bank Account").tags == std::vector<std::string>{"Shared"});
    // The second of the login's two TOTPs has no column.
    CHECK(onepux_test::count(write_report, NoticeKind::lost, "a row holds one one-time password") == 1);
}
