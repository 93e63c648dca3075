// SPDX-License-Identifier: MIT
// The synthetic fixtures of testdata/1password (make_fixtures.py): every category the real sample
// lacks, passkey metadata, password history, unknown kinds and categories, the older item shape.
#include <catch2/catch.hpp>

#include "cxf/crypto/hash.h"
#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "cxf/encoding/base64.h"
#include "tests/onepux/support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using namespace onepux_test;
using Strings = std::vector<std::string>;

namespace {

const Vault& synthetic(Report* report = nullptr) {
    static Report read_report;
    static const Vault vault = read(every_category, read_report);
    if (report) *report = read_report;
    return vault;
}

}  // namespace

TEST_CASE("1PUX login: designated fields, an extra form field, an otpauth TOTP, history, labelled URLs", "[onepux]") {
    const Item& login = item_titled(synthetic(), "Login With Extras");
    const BasicAuth& auth = only<BasicAuth>(login);
    CHECK(value(auth.username) == "sam");
    CHECK(value(auth.password) == "hunter2");
    CHECK(fields_of(custom_fields(login, std::nullopt)) == Strings{"email=email:sam@example.com"});
    const auto totps = all<Totp>(login);
    REQUIRE(totps.size() == 2);
    CHECK(totps[0]->secret.view() == "JBSWY3DPEHPK3PXP");
    CHECK(totps[0]->digits == 8);
    CHECK(totps[0]->issuer == "Example");
    CHECK(totps[0]->username == "sam");
    CHECK(totps[1]->secret.view() == "GEZDGNBVGY3TQOJQ");
    CHECK(totps[1]->issuer == "Other");
    CHECK(login.tags == Strings{"Work", "Work/Web"});
    REQUIRE(login.scope);
    CHECK(login.scope->urls == Strings{"https://example.com", "https://login.example.com"});

    REQUIRE(login.history.size() == 2);  // oldest first
    CHECK(login.history[0].modified_at == 1600000000);
    CHECK(value(only<BasicAuth>(login.history[0]).password) == "older");
    CHECK(login.history[1].modified_at == 1650000000);
    CHECK(value(only<BasicAuth>(login.history[1]).password) == "old");
    CHECK(login.history[1].id == login.id);

    const OwnExtension ext(login.extensions);
    CHECK(ext.json("urlLabels") == R"(["website","sign-in"])");
    CHECK(ext.text("loginFields/2/at") == "/credentials/1/fields/0");
    CHECK(ext.text("sections/0/fields/0/at") == "/credentials/2");
    CHECK(ext.json("sections/0/fields/0/value") == "<absent>");  // cxf writes this URI back the same way
    CHECK(ext.text("sections/0/fields/6/value") == "otpauth://totp/sam?issuer=Other&secret=GEZDGNBVGY3TQOJQ");
    CHECK(ext.text("sections/0/fields/6/at") == "/credentials/6");
}

TEST_CASE("1PUX section values: dates, unknown kinds, references and attachments", "[onepux]") {
    Report report;
    const Vault& vault = synthetic(&report);
    const Item& login = item_titled(vault, "Login With Extras");
    CHECK(fields_of(custom_fields(login, "Extra")) ==
          Strings{"last seen=date:2023-11-14", "vehicle=string:1HGCM82633A004352", "future value=string:{\"a\":1}"});
    CHECK(count(report, NoticeKind::changed, "kind 'vehicleVin' unknown to cxf") == 1);
    CHECK(count(report, NoticeKind::changed, "kind 'futureKind' unknown to cxf") == 1);
    const OwnExtension ext(login.extensions);
    CHECK(ext.json("sections/0/fields/1/seconds") == "1700000000");
    CHECK(ext.text("sections/0/fields/2/kind") == "vehicleVin");
    CHECK(ext.json("sections/0/fields/2/json") == "<absent>");
    CHECK(ext.json("sections/0/fields/3/json") == "true");

    const ItemReference& reference = only<ItemReference>(login);
    CHECK(reference.reference.item == item_titled(vault, "Social Security Number").id);
    CHECK(ext.text("sections/0/fields/4/kind") == "reference");

    const File& scan = only<File>(login);
    CHECK(scan.name == "scan.txt");
    CHECK(scan.decrypted_size == 12);
    REQUIRE(scan.data);
    CHECK(as_text(*scan.data) == "hello, scan\n");
    CHECK(encoding::hex_encode(scan.integrity_hash) == "45a66bd5633c67c94e57dd85bd6cfe05d31961780e11d0bd387fd905980fe09b");
}

TEST_CASE("1PUX passkey metadata is reported as lost, naming the item and credential exchange", "[onepux]") {
    Report report;
    const Item& login = item_titled(synthetic(&report), "Login With Extras");
    CHECK(all<Passkey>(login).empty());
    std::size_t lost = 0;
    for (const Notice& n : report.notices()) {
        if (n.kind != NoticeKind::lost) continue;
        ++lost;
        CHECK(n.feature == Feature::passkeys);
        CHECK(n.item == "Login With Extras");
        CHECK(n.field == "passkey");
        CHECK(n.place == "/accounts/0/vaults/0/items/0/details/passkey");
        CHECK_THAT(n.message, Catch::Contains("private key") && Catch::Contains("credential exchange (CXP)"));
    }
    CHECK(lost == 1);
    CHECK(OwnExtension(login.extensions).text("details/passkey/rpId") == "example.com");
}

TEST_CASE("1PUX categories with a CXF type become that type", "[onepux]") {
    const Vault& vault = synthetic();

    const Item& license = item_titled(vault, "Driver License");
    const DriversLicense& dl = only<DriversLicense>(license);
    CHECK(value(dl.full_name) == "Sam Synthetic");
    CHECK(value(dl.birth_date) == "1990-05-15");
    CHECK(value(dl.license_number) == "D1234567");
    CHECK(value(dl.license_class) == "C");
    CHECK(value(dl.territory) == "CA");
    CHECK(value(dl.country) == "US");
    CHECK_FALSE(dl.expiry_date);  // a month and year, where CXF wants a date: kept as a custom field
    CHECK(fields_of(only<CustomFields>(license)) == Strings{"sex=string:female", "expiry date=year-month:2030-05"});

    const Passport& passport = only<Passport>(item_titled(vault, "Passport"));
    CHECK(value(passport.passport_type) == "P");
    CHECK(value(passport.issuing_country) == "DE");
    CHECK(passport.issuing_country->type == FieldType::country_code);
    CHECK(value(passport.passport_number) == "C01X00T47");
    CHECK(value(passport.full_name) == "Sam Synthetic");
    CHECK(value(passport.sex) == "female");
    CHECK(value(passport.nationality) == "German");
    CHECK(value(passport.issuing_authority) == "Stadt Berlin");
    CHECK(value(passport.birth_date) == "1990-05-15");
    CHECK(value(passport.birth_place) == "Berlin");
    CHECK(value(passport.issue_date) == "2020-01-01");
    CHECK(value(passport.expiry_date) == "2030-01-01");
    CHECK(OwnExtension(item_titled(vault, "Passport").extensions).text("sections/0/fields/1/spelling") == "de");

    const IdentityDocument& ssn = only<IdentityDocument>(item_titled(vault, "Social Security Number"));
    CHECK(value(ssn.full_name) == "Sam Synthetic");
    CHECK(value(ssn.identification_number) == "078-05-1120");

    const Item& router = item_titled(vault, "Wireless Router");
    const Wifi& wifi = only<Wifi>(router);
    CHECK(value(wifi.ssid) == "HomeNet");
    CHECK(value(wifi.network_security_type) == "wpa2-personal");
    CHECK(value(wifi.passphrase) == "wifi-pass");
    CHECK(wifi.passphrase->type == FieldType::concealed_string);
    CHECK(fields_of(only<CustomFields>(router)) ==
          Strings{"base station name=string:router", "base station password=concealed-string:admin-pass"});

    const ApiKey& api = only<ApiKey>(item_titled(vault, "API Credential"));
    CHECK(value(api.username) == "api-user");
    CHECK(value(api.key) == "sk-test-123");
    CHECK(value(api.key_type) == "bearer");
    CHECK(value(api.url) == "https://api.example.com");
    CHECK(value(api.valid_from) == "2024-01-01");
    CHECK(value(api.expiry_date) == "2026-01-01");
}

TEST_CASE("1PUX server, database and e-mail items have a basic-auth and custom fields", "[onepux]") {
    const Vault& vault = synthetic();
    const Item& database = item_titled(vault, "Database");
    CHECK(value(only<BasicAuth>(database).username) == "dbuser");
    CHECK(value(only<BasicAuth>(database).password) == "dbpass");
    CHECK(fields_of(only<CustomFields>(database)) == Strings{"type=string:mysql", "server=string:db.example.com", "port=string:3306"});

    const Item& server = item_titled(vault, "Server");
    CHECK(value(only<BasicAuth>(server).username) == "root");
    CHECK(value(only<BasicAuth>(server).password) == "server-pass");
    CHECK(fields_of(custom_fields(server, std::nullopt)) == Strings{"URL=string:https://server.example.com"});
    CHECK(fields_of(custom_fields(server, "Admin Console")) == Strings{"admin console URL=string:https://admin.example.com"});

    const Item& email = item_titled(vault, "Email Account");
    CHECK(value(only<BasicAuth>(email).username) == "sam@example.com");
    CHECK(value(only<BasicAuth>(email).password) == "mail-pass");
    CHECK(fields_of(custom_fields(email, "SMTP")) == Strings{"SMTP server=string:smtp.example.com"});
}

TEST_CASE("1PUX categories without a CXF type keep section titles, labels and value types", "[onepux]") {
    const Vault& vault = synthetic();
    const Item& software = item_titled(vault, "Software License");
    CHECK(fields_of(custom_fields(software, std::nullopt)) ==
          Strings{"version=string:2.7.9", "license key=concealed-string:ABCD-EFGH-IJKL"});
    CHECK(fields_of(custom_fields(software, "Customer")) ==
          Strings{"licensed to=string:Sam Synthetic", "registered email=email:sam@example.com"});
    CHECK(OwnExtension(software.extensions).text("sections/1/fields/1/provider") == "example");

    CHECK(fields_of(only<CustomFields>(item_titled(vault, "Outdoor License"))) ==
          Strings{"full name=string:Sam Synthetic", "approved wildlife=string:trout", "expires=date:2026-01-01"});
    CHECK(fields_of(only<CustomFields>(item_titled(vault, "Membership"))) ==
          Strings{"group=string:Library", "member ID=string:L-42", "PIN=concealed-string:4242", "member since=year-month:2019-09"});
    CHECK(fields_of(only<CustomFields>(item_titled(vault, "Reward Program"))) ==
          Strings{"company name=string:Airline", "member ID=string:FF-1001", "PIN=concealed-string:9999"});
    const Item& medical = item_titled(vault, "Medical Record");
    CHECK(fields_of(custom_fields(medical, std::nullopt)) == Strings{"patient=string:Sam Synthetic", "reason for visit=string:check-up"});
    CHECK(fields_of(custom_fields(medical, "Medication")) == Strings{"medication=string:none"});
    const Item& wallet = item_titled(vault, "Crypto Wallet");
    CHECK(fields_of(only<CustomFields>(wallet)) ==
          Strings{"recovery phrase=concealed-string:abandon ability able", "wallet address=string:bc1qexample"});
    CHECK(OwnExtension(wallet.extensions).text("category") == "115");
}

TEST_CASE("1PUX unknown categories are kept generically", "[onepux]") {
    Report report;
    const Item& custom = item_titled(synthetic(&report), "Custom Category");
    CHECK(fields_of(custom_fields(custom, "Custom Section")) == Strings{"colour=string:blue", "secret=concealed-string:s3cret"});
    CHECK(OwnExtension(custom.extensions).text("category") == "999");
    CHECK(count(report, NoticeKind::finding, "category 999 is unknown") == 1);
}

TEST_CASE("1PUX SSH keys become ssh-key credentials with the PKCS#8 key", "[onepux]") {
    const Item& item = item_titled(synthetic(), "SSH Key");
    const SshKey& key = only<SshKey>(item);
    CHECK(key.key_type == "ssh-ed25519");
    CHECK(key.key_comment == "cxf test ed25519");  // from the outer OpenSSH form of the same key
    const auto info = crypto::inspect_pkcs8(key.private_key);
    REQUIRE(info);
    CHECK(info->algorithm == crypto::KeyAlgorithm::ed25519);
    const auto blob = crypto::ssh_public_key_blob(key.private_key);
    REQUIRE(blob);
    CHECK(crypto::ssh_fingerprint_sha256(*blob) ==
          test::read_text(test::testdata("bitwarden/openssh/id_ed25519.fingerprint")).substr(0, 50));
    const OwnExtension ext(item.extensions);
    CHECK(ext.text("sections/0/fields/0/metadata/keyType") == "ed25519");
    CHECK(ext.json("sections/0/fields/0/metadata/privateKey") == "<absent>");
    CHECK(ext.json("sections/0/fields/0/privateKey") == "<absent>");  // rebuilt from the check number
    CHECK(ext.json("sections/0/fields/0/opensshCheck") != "<absent>");
}

TEST_CASE("older 1PUX exports: {\"item\": …} wrappers, trashed items, createdAt", "[onepux]") {
    Report report;
    const Vault vault = read(legacy_shape, report);
    CHECK(vault.timestamp == 1600000000);
    REQUIRE(vault.accounts.size() == 1);
    const Account& account = vault.accounts[0];
    REQUIRE(account.items.size() == 1);
    const Item& login = account.items[0];
    CHECK(login.title == "Legacy Login");
    CHECK(value(only<BasicAuth>(login).username) == "old-user");
    CHECK(OwnExtension(account.extensions).json("attributes") == R"({"version":2,"description":"1Password Unencrypted Export"})");
    REQUIRE(account.collections.size() == 1);
    CHECK(account.collections[0].title == "Legacy");
    CHECK(account.collections[0].items.size() == 1);
    CHECK(count(report, NoticeKind::skipped, "trash") == 1);
    CHECK(report.notices().front().item == "Trashed Note");
}
