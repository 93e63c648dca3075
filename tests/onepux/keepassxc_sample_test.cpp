// SPDX-License-Identifier: MIT
// The real 1PUX export of KeePassXC's tests (testdata/1password/PROVENANCE.md), field by field: every
// item its README lists, the account, the vaults as collections, the document's bytes.
#include <catch2/catch.hpp>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/formats/registry.h"
#include "tests/onepux/support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using namespace onepux_test;

namespace {

const Vault& sample(Report* report = nullptr) {
    static Report read_report;
    static const Vault vault = read(keepassxc_sample, read_report);
    if (report) *report = read_report;
    return vault;
}

std::string text_of(const Bytes& id) { return std::string(as_text(id)); }

}  // namespace

TEST_CASE("the KeePassXC sample is detected as 1PUX and described without reading its items", "[onepux]") {
    const Input input = test::read_testdata(keepassxc_sample);
    CHECK(detect_format(input).id == "1pux");
    const auto properties = find_format("1pux")->describe(input, {});
    std::vector<std::string> shown;
    for (const Property& p : properties) shown.push_back(p.name + "=" + p.value);
    CHECK(shown == std::vector<std::string>{"version=3", "exported=2022-12-05T17:31:27Z", "accounts=1", "vaults=2", "items=9"});
}

TEST_CASE("the KeePassXC sample: its account, and its vaults as collections", "[onepux]") {
    Report report;
    const Vault& vault = sample(&report);
    CHECK(vault.timestamp == 1670261487);  // export.attributes "timestamp"
    REQUIRE(vault.accounts.size() == 1);
    const Account& account = vault.accounts[0];
    CHECK(text_of(account.id) == "HYA3UQDZFDFDDI34BLBPSDDM7PU");
    CHECK(account.email == "team@keepassxc.org");
    CHECK(account.username == "team@keepassxc.org");
    CHECK(account.full_name == "Team KeePassXC");
    const OwnExtension account_extension(account.extensions);
    CHECK(account_extension.text("accountName") == "Team KeePassXC");
    CHECK(account_extension.text("domain") == "https://my.1password.com/");
    CHECK(account_extension.json("attributes") ==
          R"({"version":3,"description":"1Password Unencrypted Export","timestamp":1670261487})");

    REQUIRE(account.collections.size() == 2);
    const Collection& personal = account.collections[0];
    const Collection& shared = account.collections[1];
    CHECK(personal.title == "Personal");
    CHECK(text_of(personal.id) == "afavodj54il573njyybmf55ew4");
    CHECK(personal.subtitle == "GYkuBJsjEZmMUuiP");
    CHECK(personal.items.size() == 8);
    CHECK(OwnExtension(personal.extensions).text("type") == "P");
    CHECK(shared.title == "Shared");
    CHECK_FALSE(shared.subtitle);
    REQUIRE(shared.items.size() == 1);
    CHECK(shared.items[0].item == item_titled(vault, "Bank Account").id);
    CHECK(OwnExtension(shared.extensions).text("type") == "U");
    CHECK(OwnExtension(shared.extensions).text("avatar") == "hi4lmi4h6jgl5hhubjhcovrhiu.png");
    CHECK(account.items.size() == 9);
    // The vault avatar is the one file no item names.
    CHECK(count(report, NoticeKind::skipped, "avatar") == 1);
    CHECK(report.notices().size() == 2);  // that, and the archived login
}

TEST_CASE("the KeePassXC sample: a login with two TOTPs, two URLs, a tag and extra fields", "[onepux]") {
    const Item& login = item_titled(sample(), "Login");
    CHECK(text_of(login.id) == "55qbj3r6ftglrawryv46obdotq");
    CHECK(login.favorite);
    CHECK(login.creation_at == 1663642010);
    CHECK(login.modified_at == 1668287305);
    CHECK(login.subtitle == "team@keepassxc.org");
    CHECK(login.tags == std::vector<std::string>{"website"});
    REQUIRE(login.scope);
    CHECK(login.scope->urls == std::vector<std::string>{"https://keepassxc.org", "https://twitter.com"});

    const BasicAuth& auth = only<BasicAuth>(login);
    CHECK(value(auth.username) == "team@keepassxc.org");
    CHECK(value(auth.password) == "password");
    CHECK(auth.password->type == FieldType::concealed_string);
    const auto totps = all<Totp>(login);
    REQUIRE(totps.size() == 2);
    CHECK(totps[0]->secret.view() == "DFDFDEF");
    CHECK(totps[1]->secret.view() == "DFDFDEFDEF");
    CHECK(fields_of(custom_fields(login, "Extra Data")) ==
          std::vector<std::string>{"phone=string:555-123-45678", "email=email:team@keepassxc.org"});
    CHECK(value(only<Note>(login).content) == "Note to self");

    const OwnExtension ext(login.extensions);
    CHECK(ext.text("category") == "001");
    CHECK(ext.text("loginFields/0/designation") == "password");
    CHECK(ext.text("loginFields/0/at") == "/credentials/0/password");
    CHECK(ext.text("loginFields/1/at") == "/credentials/0/username");
    CHECK(ext.text("sections/0/name") == "add more");
    CHECK(ext.text("sections/0/fields/0/id") == "TOTP_yod37o45gdg4juy3ojwqm7cpfy");
    CHECK(ext.text("sections/0/fields/0/kind") == "totp");
    CHECK(ext.text("sections/0/fields/0/at") == "/credentials/1");
    CHECK(ext.text("sections/0/fields/1/at") == "/credentials/2");
    CHECK(ext.text("sections/0/fields/2/inputTraits/keyboard") == "namePhonePad");
    CHECK(ext.text("sections/0/fields/2/at") == "/credentials/3/fields/0");
    CHECK(ext.json("sections/0/fields/3/value") == "<absent>");  // values live in the credentials only
    CHECK(ext.json("overview/watchtowerExclusions/reused") == "true");
    CHECK(ext.json("urlLabels") == "<absent>");  // every label is "website"
    CHECK(ext.json("state") == "<absent>");
}

TEST_CASE("the KeePassXC sample: an archived login keeps its state in the extension", "[onepux]") {
    Report report;
    const Item& archived = item_titled(sample(&report), "Login Archived");
    CHECK_FALSE(archived.favorite);
    CHECK(OwnExtension(archived.extensions).text("state") == "archived");
    CHECK(count(report, NoticeKind::changed, "archived") == 1);
    CHECK(value(only<BasicAuth>(archived).username) == "team@keepassxc.org");
    CHECK(all<Totp>(archived).empty());
    CHECK(fields_of(only<CustomFields>(archived)) ==
          std::vector<std::string>{"phone=string:555-123-45678", "email=email:team@keepassxc.org"});
}

TEST_CASE("the KeePassXC sample: a 005 Password item with only details.password and no uuid", "[onepux]") {
    const Item& password = item_titled(sample(), "UUID 005 Password");
    CHECK(password.id.size() == 16);  // derived from its place
    CHECK_FALSE(password.creation_at);
    REQUIRE(password.credentials.size() == 1);
    const BasicAuth& auth = only<BasicAuth>(password);
    CHECK_FALSE(auth.username);
    CHECK(value(auth.password) == "uuid005password");
    CHECK(OwnExtension(password.extensions).text("passwordIn") == "details");
    CHECK(OwnExtension(password.extensions).text("category") == "005");
}

TEST_CASE("the KeePassXC sample: a wireless router with only its base station filled in", "[onepux]") {
    const Item& wifi = item_titled(sample(), "Home Wifi");
    CHECK(all<Wifi>(wifi).empty());  // network name and password are empty
    CHECK(fields_of(only<CustomFields>(wifi)) ==
          std::vector<std::string>{"base station name=string:wifi1", "base station password=concealed-string:12345678"});
    const OwnExtension ext(wifi.extensions);
    CHECK(ext.text("sections/0/fields/5/id") == "wireless_security");
    CHECK(ext.text("sections/0/fields/5/kind") == "menu");
    CHECK(ext.json("sections/0/fields/5/at") == "<absent>");
}

TEST_CASE("the KeePassXC sample: a credit card", "[onepux]") {
    const Item& card_item = item_titled(sample(), "Credit Card");
    const CreditCard& card = only<CreditCard>(card_item);
    CHECK(value(card.full_name) == "KeePassXC");
    CHECK(value(card.card_type) == "Mastercard");  // creditCardType "mc"
    CHECK(value(card.number) == "1234567890");
    CHECK(card.number->type == FieldType::concealed_string);
    CHECK(value(card.verification_number) == "123");
    CHECK(value(card.expiry_date) == "2022-06");
    CHECK(card.expiry_date->type == FieldType::year_month);
    CHECK(value(card.valid_from) == "2022-06");
    CHECK(card_item.subtitle == "1234 **** 7890");
    CHECK(card_item.credentials.size() == 1);  // the contact and details sections are empty
    const OwnExtension ext(card_item.extensions);
    CHECK(ext.text("sections/0/title") == "Credit Card Fields");
    CHECK(ext.text("sections/0/fields/2/clipboardFilter") == "0123456789");
    CHECK(ext.json("sections/0/fields/2/guarded") == "true");
    CHECK(ext.text("sections/0/fields/2/at") == "/credentials/0/number");
    CHECK(ext.text("sections/0/fields/1/kind") == "creditCardType");
}

TEST_CASE("the KeePassXC sample: a document with its bytes and SHA-256", "[onepux]") {
    const Item& document = item_titled(sample(), "KeePassXC Logo");
    const File& file = only<File>(document);
    CHECK(file.name == "keepassxc.png");
    CHECK(text_of(file.id) == "oakiw7lqbp53fgqrxrk63su2gu");
    CHECK(file.decrypted_size == 18422);
    CHECK(encoding::hex_encode(file.integrity_hash) == "e96f853be511057b4c2e2fdd3c495ed33d322d55b8798734e81a5a726afa385c");
    REQUIRE(file.data);
    CHECK(file.data->size() == 18422);
    CHECK(crypto::equal_ct(crypto::sha256({*file.data}), file.integrity_hash));
}

TEST_CASE("the KeePassXC sample: a secure note with two tags", "[onepux]") {
    const Item& note = item_titled(sample(), "Secure Note");
    CHECK(value(only<Note>(note).content) == "This is a note");
    CHECK(note.tags == std::vector<std::string>{"Note", "Secret Stuff"});
    CHECK(note.credentials.size() == 1);
}

TEST_CASE("the KeePassXC sample: an identity as person name, address and custom fields", "[onepux]") {
    const Item& identity = item_titled(sample(), "Identity");
    const PersonName& name = only<PersonName>(identity);
    CHECK(value(name.given) == "KeePass");
    CHECK(value(name.surname) == "XC");
    CHECK_FALSE(name.given2);  // "initial" is empty
    const Address& address = only<Address>(identity);
    CHECK(value(address.street_address) == "123 Avenue Rd");
    CHECK(value(address.city) == "Boston");
    CHECK(value(address.territory) == "MA");
    CHECK(value(address.postal_code) == "12345");
    CHECK(value(address.country) == "US");
    CHECK(address.country->type == FieldType::country_code);
    CHECK(fields_of(custom_fields(identity, "Identification")) ==
          std::vector<std::string>{"gender=string:male", "birth date=date:2016-01-01"});
    const OwnExtension ext(identity.extensions);
    CHECK(ext.json("sections/0/fields/4/seconds") == "1451649660");  // 12:01 UTC that day
    CHECK(ext.text("sections/1/fields/0/spelling") == "us");
    CHECK(ext.text("sections/1/fields/0/at") == "/credentials/2");
}

TEST_CASE("the KeePassXC sample: a bank account as custom fields", "[onepux]") {
    const Item& bank = item_titled(sample(), "Bank Account");
    REQUIRE(bank.credentials.size() == 1);  // the branch section is empty
    CHECK(fields_of(only<CustomFields>(bank)) ==
          std::vector<std::string>{"bank name=string:Wells Fargo", "name on account=string:KeePassXC", "type=string:checking",
                                   "routing number=string:12345678", "account number=string:12345678"});
    const OwnExtension ext(bank.extensions);
    CHECK(ext.text("category") == "101");
    CHECK(ext.text("sections/1/name") == "branchInfo");
    CHECK(ext.json("sections/0/fields/7/dontGenerate") == "true");
}
