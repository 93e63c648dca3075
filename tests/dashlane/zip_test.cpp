// SPDX-License-Identifier: MIT
// Dashlane's CSV zip export read field by field: credentials, secure notes, payments, ids and
// personal info; each file known by its header; a lone CSV file; what is reported, by entry and line.
#include <catch2/catch.hpp>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/validate/validate.h"
#include "tests/browser_csv/support.h"
#include "tests/dashlane/support.h"
#include "tests/support/testdata.h"
#include "tests/support/vault_lookup.h"

using namespace cxf;
using dashlane_test::custom;

namespace {

Vault read_zip_text(const std::string& zip, Report& report) {
    return find_format("dashlane")->read(Input{"export.zip", crypto::SecureBytes(zip.begin(), zip.end())}, {}, report);
}

const Notice* notice_at(const Report& report, NoticeKind kind, std::string_view place) {
    for (const Notice& n : report.notices())
        if (n.kind == kind && n.place == place) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("Dashlane's zip export: the credentials file field by field", "[dashlane]") {
    Report report;
    const Vault vault = test::read_fixture(dashlane_test::zip_sample, report);
    REQUIRE(vault.accounts.size() == 1);
    CHECK(vault.accounts[0].items.size() == 20);  // 8 logins, 3 notes, 3 payments, 5 ids, 1 personal info

    const Item& scanned = test::item_titled(vault, "login with 2fa scanned from qr code");
    CHECK(test::value(test::only<BasicAuth>(scanned).username) == "john");
    CHECK(test::value(test::only<BasicAuth>(scanned).password) == "pass");
    CHECK(custom(scanned, "username2") == "john2");
    CHECK(custom(scanned, "username3") == "<absent>");
    CHECK(test::only<Totp>(scanned).secret.view() == "RL3FRZ5V3EBM7T4ZMGJWGO43MQSTTMIT");
    CHECK_FALSE(scanned.scope);

    CHECK(test::value(test::only<Note>(test::item_titled(vault, "login with multiple lines")).content) == "line 1\nline 2\nline 3");
    CHECK(test::value(test::only<Note>(test::item_titled(vault, "login with commas ,")).content) == "comma 1, comma 2,");
    CHECK(test::value(test::only<Note>(test::item_titled(vault, "login with quotes \"")).content) == "note with \"quote\"");
    const Item& comma = test::item_titled(vault, "password with comma , and quote \"");
    CHECK(test::value(test::only<BasicAuth>(comma).password) == "password,\"comma\"");
    REQUIRE(comma.scope);
    CHECK(comma.scope->urls == std::vector<std::string>{"https://example.com/comma,"});
    const Item& test_login = test::item_titled(vault, "test");
    CHECK(test::value(test::only<BasicAuth>(test_login).username) == "test@example.com");
    CHECK(test_login.scope->urls == std::vector<std::string>{"https://test"});
    CHECK_FALSE(test::only<BasicAuth>(test::item_titled(vault, "login with commas ,")).username);
    CHECK(test::all<Totp>(test::item_titled(vault, "login with 2fa manually entered")).size() == 1);
    CHECK(vault.accounts[0].collections.empty());  // no row has a category
}

TEST_CASE("Dashlane's zip export: secure notes, payments, ids and personal info", "[dashlane]") {
    Report report;
    const Vault vault = test::read_fixture(dashlane_test::zip_sample, report);

    CHECK(test::value(test::only<Note>(test::item_titled(vault, "notes with quotes \"")).content) == "notes with \"quotes\"");
    CHECK(test::value(test::only<Note>(test::item_titled(vault, "notes with multiple lines")).content) == "line 1 line 2 line 3");

    const Item& doe = test::item_titled(vault, "JOHN DOE");
    const CreditCard& card = test::only<CreditCard>(doe);
    CHECK(test::value(card.number) == "11111111111111111");
    CHECK(card.number->type == FieldType::concealed_string);
    CHECK(test::value(card.full_name) == "JOHN DOE");
    CHECK(test::value(card.verification_number) == "100");
    CHECK(test::value(card.expiry_date) == "2023-03");
    CHECK(custom(doe, "country") == "US");
    const Item& named = test::item_titled(vault, "my cc");
    CHECK(test::value(test::only<CreditCard>(named).expiry_date) == "2024-01");
    CHECK(test::value(test::only<Note>(named).content) == "line1\nline2word1, line2word2");
    const Item& bare = test::item_titled(vault, "Payment card");
    CHECK_FALSE(test::only<CreditCard>(bare).expiry_date);
    CHECK(test::value(test::only<CreditCard>(bare).number) == "1");

    const Passport& passport = test::only<Passport>(test::item_titled(vault, "Passport (Jane Example)"));
    CHECK(test::value(passport.passport_number) == "P1234567");
    CHECK(test::value(passport.full_name) == "Jane Example");
    CHECK(test::value(passport.issue_date) == "2020-01-02");
    CHECK(test::value(passport.expiry_date) == "2030-01-01");
    CHECK(test::value(passport.issuing_authority) == "Springfield");
    const Item& licence_item = test::item_titled(vault, "Driver's licence (Jane Example)");
    CHECK(test::value(test::only<DriversLicense>(licence_item).license_number) == "D-987");
    CHECK(custom(licence_item, "state") == "IL");
    CHECK(test::value(test::only<IdentityDocument>(test::item_titled(vault, "ID card (Jane Example)")).document_number) == "ID-42");
    const auto& ssn = test::only<IdentityDocument>(test::item_titled(vault, "Social security number (Jane Example)"));
    CHECK(test::value(ssn.identification_number) == "123-45-6789");
    CHECK_FALSE(ssn.document_number);
    const Item& tax = test::item_titled(vault, "Tax number (Jane Example)");
    CHECK_FALSE(test::only<IdentityDocument>(tax).issue_date);
    CHECK(custom(tax, "issue_date") == "01/02/2020");
    CHECK(notice_at(report, NoticeKind::changed, "ids.csv, line 6, column 4"));

    const Item& email = test::item_titled(vault, "Email 1");
    CHECK(custom(email, "email") == "me@example.com");
    CHECK(custom(email, "email_type") == "personal");

    Report findings;
    validate(vault, findings);
    CHECK_FALSE(findings.has_errors());
}

TEST_CASE("Dashlane: each file is known by its header, not its name, and others are reported by entry", "[dashlane]") {
    const std::string credentials = "title,username,password,url,note,category,otpUrl\r\n"
                                    "Mail,me,pw,https://mail.example,,Work,otpauth://totp/Mail?secret=JBSWY3DPEHPK3PXP\r\n"
                                    "Bank,,,,,Work,not a secret!\r\n";
    const std::string names = "type,title,first_name,middle_name,last_name,login,date_of_birth,place_of_birth,email,"
                              "email_type,item_name,phone_number,address,country,state,city,zip,address_recipient,"
                              "address_building,address_apartment,address_floor,address_door_code,job_title,url\r\n"
                              "name,Ms,Jane,Q,Example,jex,1990-01-02,,,,,,,,,,,,,,,,,\r\n"
                              "address,,,,,,,,,,Home,,1 Main St,US,IL,Springfield,62701,Jane,B,4,2,1234,,\r\n";
    const std::string bank = "type,account_name,account_holder,cc_number,code,expiration_month,expiration_year,"
                             "routing_number,account_number,country,issuing_bank\r\n"
                             "bank,Savings,Jane Example,,,,,021000021,000123456789,US,Example Bank\r\n";
    Report report;
    const Vault vault = read_zip_text(dashlane_test::zip_of({{"logins-2024.csv", credentials},
                                                             {"people.csv", names},
                                                             {"money.csv", bank},
                                                             {"readme.txt", "hello"},
                                                             {"other.csv", "a,b\r\n1,2\r\n"}}),
                                      report);
    REQUIRE(vault.accounts[0].items.size() == 5);

    const Item& mail = test::item_titled(vault, "Mail");
    CHECK(test::only<Totp>(mail).secret.view() == "JBSWY3DPEHPK3PXP");
    REQUIRE(vault.accounts[0].collections.size() == 1);
    CHECK(vault.accounts[0].collections[0].title == "Work");
    CHECK(vault.accounts[0].collections[0].items.size() == 2);
    const Item& bank_login = test::item_titled(vault, "Bank");
    CHECK(test::all<Totp>(bank_login).empty());
    CHECK(custom(bank_login, "otpUrl") == "not a secret!");
    CHECK(notice_at(report, NoticeKind::changed, "logins-2024.csv, line 3, column 7"));

    const PersonName& name = test::only<PersonName>(test::item_titled(vault, "Name"));
    CHECK(test::value(name.title) == "Ms");
    CHECK(test::value(name.given) == "Jane");
    CHECK(test::value(name.given2) == "Q");
    CHECK(test::value(name.surname) == "Example");
    CHECK(custom(test::item_titled(vault, "Name"), "date_of_birth") == "1990-01-02");
    CHECK(custom(test::item_titled(vault, "Name"), "login") == "jex");
    const Item& home = test::item_titled(vault, "Home");
    const Address& address = test::only<Address>(home);
    CHECK(test::value(address.street_address) == "1 Main St");
    CHECK(test::value(address.city) == "Springfield");
    CHECK(test::value(address.postal_code) == "62701");
    CHECK(test::value(address.country) == "US");
    CHECK(custom(home, "state") == "IL");
    CHECK(custom(home, "address_door_code") == "1234");
    CHECK(custom(home, "address_recipient") == "Jane");

    const Item& savings = test::item_titled(vault, "Bank account");
    CHECK(custom(savings, "account_number") == "000123456789");
    CHECK(custom(savings, "routing_number") == "021000021");
    CHECK(custom(savings, "issuing_bank") == "Example Bank");
    CHECK(custom(savings, "account_holder") == "Jane Example");

    const Notice* text = notice_at(report, NoticeKind::skipped, "readme.txt");
    REQUIRE(text);
    const Notice* unknown = notice_at(report, NoticeKind::skipped, "other.csv, line 1");
    REQUIRE(unknown);
    CHECK_THAT(unknown->message, Catch::Contains("none of Dashlane's"));
}

TEST_CASE("Dashlane: a lone credentials.csv is read, and a zip without Dashlane files is refused", "[dashlane]") {
    Report report;
    const Vault vault = test::read_fixture("dashlane/proton-dashlane-credentials.csv", report);
    CHECK(vault.accounts[0].items.size() == 8);
    CHECK(test::value(test::only<BasicAuth>(test::item_titled(vault, "test")).password) == "ndnndc");

    Report refused;
    try {
        read_zip_text(dashlane_test::zip_of({{"a.csv", "x,y\r\n"}}), refused);
        FAIL("read");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().file == "export.zip");
    }
}

TEST_CASE("Dashlane: a broken CSV member names the zip entry and the line", "[dashlane]") {
    const std::string notes = "title,note\r\nfine,text\r\n\"open,never closed\r\n";
    Report report;
    try {
        read_zip_text(dashlane_test::zip_of({{"securenotes.csv", notes}}), report);
        FAIL("read");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().file == "export.zip:securenotes.csv");
        CHECK(e.where().place == "line 3, column 1");
    }
    const std::string wide = "title,note\r\nfine,text,extra\r\n";
    try {
        read_zip_text(dashlane_test::zip_of({{"securenotes.csv", wide}}), report);
        FAIL("read");
    } catch (const Error& e) {
        CHECK(e.where().file == "export.zip:securenotes.csv");
        CHECK(e.where().place == "line 2, column 3");
    }
    const std::string zip = dashlane_test::zip_of({{"securenotes.csv", notes}});
    try {
        read_zip_text(zip.substr(0, zip.size() / 2), report);
        FAIL("read");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().file == "export.zip");
    }
}
