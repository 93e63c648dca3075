// SPDX-License-Identifier: MIT
// Every file in testdata/bitwarden reads (the protected ones with their passwords) and holds what
// testdata/bitwarden/PROVENANCE.md says it holds, checked field by field.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cxf/bitwarden/guid.h"
#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"
#include "cxf/formats/registry.h"
#include "tests/bitwarden/support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using bwtest::item_titled;
using bwtest::only;
using bwtest::value;

namespace {

const Collection& collection_titled(const std::vector<Collection>& collections, std::string_view title) {
    for (const Collection& c : collections)
        if (c.title == title) return c;
    throw std::logic_error("no collection " + std::string(title));
}

bool links(const Collection& c, const Item& item) {
    for (const LinkedItem& l : c.items)
        if (l.item == item.id) return true;
    return false;
}

std::string b64url(ByteView bytes) { return encoding::base64url_encode(bytes); }

std::string ext_of(const Item& item) {
    for (const Extension& e : item.extensions)
        if (const auto* raw = std::get_if<RawExtension>(&e); raw && raw->name == "cxf.local/bitwarden")
            return std::string(raw->json.view());
    return {};
}

}  // namespace

TEST_CASE("every Bitwarden fixture reads with its detected format", "[bitwarden]") {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::testdata("bitwarden"))) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
        CAPTURE(name);
        const std::string_view password =
            name.starts_with("keepassxc-bitwarden_encrypted") ? bwtest::keepassxc_password
            : name.starts_with("synthetic-bitwarden-pwprotected") ? bwtest::synthetic_password : std::string_view();
        const Input input = test::read_testdata("bitwarden/" + name);
        const Format& format = detect_format(input);
        CHECK(format.id == (entry.path().extension() == ".csv" ? "bitwarden-csv" : "bitwarden"));
        Report report;
        const Vault vault = bwtest::read("bitwarden/" + name, report, password);
        REQUIRE(vault.accounts.size() == 1);
        CHECK_FALSE(vault.accounts[0].items.empty());
        CHECK(vault.accounts[0].id.size() == 16);
        ++files;
    }
    CHECK(files == 14);
}

TEST_CASE("keepassxc-bitwarden_export.json: types 1-4, custom fields, three URIs, otpauth TOTP", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read("bitwarden/keepassxc-bitwarden_export.json", report);
    const Account& a = v.accounts.at(0);
    REQUIRE(a.items.size() == 4);
    REQUIRE(a.collections.size() == 2);
    const Collection& my_folder = collection_titled(a.collections, "My Folder");
    const Collection& second = collection_titled(a.collections, "Second Folder");
    // Folder ids "xxxxxxxx-…" are not GUIDs: kept as their text.
    CHECK(std::string(my_folder.id.begin(), my_folder.id.end()) == "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");

    const Item& note = item_titled(v, "My Secure Note");
    CHECK(links(my_folder, note));
    CHECK(value(only<Note>(note).content) == "1st line of secure note\n2nd line of secure note\n3rd line of secure note");
    const auto& fields = only<CustomFields>(note).fields;
    REQUIRE(fields.size() == 3);
    CHECK((fields[0].label == "Text Field" && fields[0].type == FieldType::string && fields[0].value.view() == "text-field-value"));
    CHECK((fields[1].label == "Hidden Field" && fields[1].type == FieldType::concealed_string &&
           fields[1].value.view() == "hidden-field-value"));
    CHECK((fields[2].label == "Boolean Field" && fields[2].type == FieldType::boolean && fields[2].value.view() == "false"));
    // The id "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa" has 11 digits in its last group.
    CHECK(std::string(note.id.begin(), note.id.end()) == "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa");
    CHECK(bwtest::has_message(report, NoticeKind::changed, "not a GUID"));

    const Item& card = item_titled(v, "Card Name");
    CHECK(links(second, card));
    const CreditCard& c = only<CreditCard>(card);
    CHECK(value(c.full_name) == "Jane Doe");
    CHECK(value(c.card_type) == "Visa");
    CHECK(value(c.number) == "1234567891011121");
    CHECK(value(c.expiry_date) == "2021-10");
    CHECK(c.expiry_date->type == FieldType::year_month);
    CHECK(value(c.verification_number) == "123");
    CHECK(c.verification_number->type == FieldType::concealed_string);

    const Item& identity = item_titled(v, "My Identity");
    const PersonName& name = only<PersonName>(identity);
    CHECK(value(name.title) == "Mrs");
    CHECK(value(name.given) == "Jane");
    CHECK(value(name.given2) == "A");
    CHECK(value(name.surname) == "Doe");
    const Address& address = only<Address>(identity);
    CHECK(value(address.street_address) == " 1 North Calle Cesar Chavez ");  // padded, as exported
    CHECK(value(address.city) == "Santa Barbara");
    CHECK(value(address.territory) == "CA");
    CHECK(value(address.postal_code) == "93103");
    CHECK(value(address.country) == "United States ");
    CHECK(address.country->type == FieldType::string);
    CHECK(value(address.tel) == "123-123-1234");
    CHECK(value(only<IdentityDocument>(identity).identification_number) == "123-12-1234");
    CHECK(value(only<Passport>(identity).passport_number) == "123456789");
    CHECK(value(only<DriversLicense>(identity).license_number) == "123456789");
    const auto extras = bwtest::all<CustomFields>(identity);
    REQUIRE(extras.size() == 2);  // the identity's company/e-mail/username, then the custom fields
    REQUIRE(extras[0]->fields.size() == 3);
    CHECK((extras[0]->fields[0].label == "company" && extras[0]->fields[0].value.view() == "My Employer"));
    CHECK((extras[0]->fields[1].label == "email" && extras[0]->fields[1].type == FieldType::email &&
           extras[0]->fields[1].value.view() == "myemail@gmail.com"));
    CHECK((extras[0]->fields[2].label == "username" && extras[0]->fields[2].value.view() == "myusername"));

    const Item& login = item_titled(v, "Login Name");
    CHECK(login.favorite);
    CHECK(value(only<BasicAuth>(login).username) == "myusername@gmail.com");
    CHECK(value(only<BasicAuth>(login).password) == "mypassword");
    REQUIRE(login.scope);
    CHECK(login.scope->urls == std::vector<std::string>{"https://mail.google.com", "https://google.com", "https://gmail.com"});
    const Totp& totp = only<Totp>(login);
    CHECK(totp.secret.view() == "DFDFDEF=");
    CHECK(totp.issuer == "Google");
    CHECK(totp.username == "myusername@gmail.com");
    CHECK((totp.period == 30 && totp.digits == 6 && totp.algorithm == "sha1"));
    CHECK(value(only<Note>(login).content) == "1st line of note text\n2nd Line of note text");
}

TEST_CASE("the KeePassXC password-protected exports open with password 'a' (PBKDF2 and Argon2id)", "[bitwarden]") {
    for (const std::string_view file : {"bitwarden/keepassxc-bitwarden_encrypted_export.json",
                                        "bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json"}) {
        CAPTURE(file);
        Report report;
        const Vault v = bwtest::read(file, report, bwtest::keepassxc_password);
        REQUIRE(v.accounts.at(0).items.size() == 1);
        const Item& item = item_titled(v, "KeePassXC");
        CHECK(item.favorite);
        CHECK(value(only<BasicAuth>(item).username) == "keepassxc");
        CHECK(value(only<BasicAuth>(item).password) == "TYsbQUyeD3qrav");
        CHECK(value(only<Note>(item).content) == "KeePassXC password manager");
        CHECK(item.scope->urls == std::vector<std::string>{"https://keepassxc.org", "https://github.com/keepassxreboot/keepassxc"});
        // "fsfsfsfsefefef" has 14 Base32 digits, a length no byte string encodes to: kept as text.
        CHECK(bwtest::all<Totp>(item).empty());
        CHECK(ext_of(item).find("\"totp\":\"fsfsfsfsefefef\"") != std::string::npos);
        CHECK(v.accounts[0].collections.at(0).title == "Credit Cards");
    }
    Report report;
    const Vault argon = bwtest::read("bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json", report,
                                     bwtest::keepassxc_password);
    const Item& item = argon.accounts[0].items[0];
    CHECK(item.creation_at == 1672700404);  // 2023-01-02T23:00:04.606Z
    CHECK(item.modified_at == 1684693948);  // 2023-05-21T18:32:28.103Z
}

TEST_CASE("a password-protected export with the wrong password, or without one, is refused clearly", "[bitwarden]") {
    Report report;
    CHECK_THROWS_MATCHES(bwtest::read("bitwarden/keepassxc-bitwarden_encrypted_export.json", report, "not-a"), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == Errc::wrong_password; }));
    CHECK_THROWS_MATCHES(bwtest::read("bitwarden/keepassxc-bitwarden_encrypted_export.json", report), Error,
                         Catch::Predicate<Error>([](const Error& e) {
                             return e.code() == Errc::usage && std::string(e.what()).find("password-protected") != std::string::npos;
                         }));
}

TEST_CASE("pass-import-bitwarden.json: folders nested by name, logins, notes, custom fields", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read("bitwarden/pass-import-bitwarden.json", report);
    const Account& a = v.accounts.at(0);
    CHECK(a.items.size() == 14);
    REQUIRE(a.collections.size() == 5);  // Bank, CornerCases, Emails (holding WS), Servers, Social
    const Collection& emails = collection_titled(a.collections, "Emails");
    REQUIRE(emails.sub_collections.size() == 1);
    const Collection& ws = emails.sub_collections[0];
    CHECK(ws.title == "WS");
    CHECK(bitwarden::format_guid(ws.id) == "3a0df97b-cc85-4949-b7ba-ad2901290f34");
    CHECK(links(ws, item_titled(v, "dpbx@fner.ws")));
    CHECK(links(ws, item_titled(v, "dpbx@mnyfymt.ws")));
    CHECK(emails.items.size() == 2);

    const Item& aib = item_titled(v, "aib");
    CHECK(value(only<BasicAuth>(aib).password) == "ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14");
    const auto& fields = only<CustomFields>(aib).fields;
    REQUIRE(fields.size() == 2);
    CHECK((fields[0].label == "pin" && fields[0].value.view() == "462916"));
    CHECK((fields[1].label == "oldpin" && fields[1].value.view() == "489019"));
    CHECK(links(collection_titled(a.collections, "Bank"), aib));

    const Item& empty_password = item_titled(v, "empty password");
    CHECK(value(only<BasicAuth>(empty_password).username) == "vkeelpbu");
    CHECK_FALSE(only<BasicAuth>(empty_password).password);  // null in the export
    const Item& empty = item_titled(v, "empty entry");
    CHECK(empty.credentials.empty());  // a secure note with no text
    CHECK(value(only<Note>(item_titled(v, "note")).content).starts_with("This is a multiline note entry."));
    CHECK_FALSE(item_titled(v, "dpbx@fner.ws").scope);  // no uris member
}

TEST_CASE("pass-import-bitwarden-org.json: an organisation export with collections", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read("bitwarden/pass-import-bitwarden-org.json", report);
    const Account& a = v.accounts.at(0);
    CHECK(a.items.size() == 14);
    CHECK(bwtest::value(Field()) == "<absent>");
    // The account is the organisation.
    CHECK(bitwarden::format_guid(a.id) == "9ed57801-6b9d-419e-8637-ad2d00f20e8a");
    const Collection& corner = collection_titled(a.collections, "CornerCases");
    CHECK(links(corner, item_titled(v, "empty entry")));
    CHECK(links(corner, item_titled(v, "space title")));
    CHECK(collection_titled(a.collections, "Emails").sub_collections.at(0).title == "WS");
    bool organization_layout = false;
    for (const Extension& e : a.extensions)
        if (const auto* raw = std::get_if<RawExtension>(&e))
            organization_layout = raw->json.view().find("\"layout\":\"organization\"") != std::string_view::npos;
    CHECK(organization_layout);
}

TEST_CASE("pass-import-bitwarden-other.json: bare Base32 TOTP, card, identity, a note-only login", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read("bitwarden/pass-import-bitwarden-other.json", report);
    const Totp& totp = only<Totp>(item_titled(v, "aib"));
    CHECK(totp.secret.view() == "S3K3TPI5MYA2M67V");
    CHECK((!totp.issuer && !totp.username && totp.period == 30 && totp.digits == 6));
    const CreditCard& card = only<CreditCard>(item_titled(v, "Visa Card"));
    CHECK(value(card.full_name) == "DOE John");
    CHECK(value(card.expiry_date) == "2024-04");
    const Item& john = item_titled(v, "John DOE");
    CHECK(value(only<PersonName>(john).given2) == "Rober");
    CHECK(value(only<Address>(john).street_address) == "6 Rose street");
    CHECK_FALSE(only<Address>(john).territory);
    const Item& note_only = item_titled(v, "Some note only item");
    CHECK(note_only.favorite);
    CHECK_FALSE(only<BasicAuth>(note_only).username);
    const Item& test_item = item_titled(v, "test-item");
    REQUIRE(only<CustomFields>(test_item).fields.size() == 4);
    CHECK(only<CustomFields>(test_item).fields[3].type == FieldType::boolean);
    // "1019" is no Base32: kept as text, and said so.
    CHECK(bwtest::all<Totp>(test_item).empty());
    CHECK(bwtest::count(report, NoticeKind::changed, "totp") == 1);
}

TEST_CASE("bitwarden-to-keepass-test_passkey.json: one passkey with a GUID credential id", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read("bitwarden/bitwarden-to-keepass-test_passkey.json", report);
    const Item& item = item_titled(v, "webauthn.io");
    const Passkey& p = only<Passkey>(item);
    CHECK(bitwarden::format_guid(p.credential_id) == "a3e15f8b-27c1-42ae-90cf-a615ad87854f");
    CHECK(p.credential_id.size() == 16);
    CHECK(p.rp_id == "webauthn.io");
    CHECK(p.username == "KPXC_BITWARDEN");
    CHECK(p.user_display_name == "KPXC Bitwarden");
    CHECK(b64url(p.user_handle) == "aTFtdmFnOHYtS2dxVEJ0by1rSFpLWGg0enlTVC1iUVJReDZ5czJXa3c2aw");
    const auto key = crypto::inspect_pkcs8(p.key);
    REQUIRE(key);
    CHECK(key->algorithm == crypto::KeyAlgorithm::ec_p256);
    // CXF asks importers to reset the counter; the "6" is kept for Bitwarden.
    CHECK(bwtest::count(report, NoticeKind::changed, "passkey") == 1);
    CHECK(ext_of(item).find("\"counter\":\"6\"") != std::string::npos);
    CHECK(ext_of(item).find("\"discoverable\":\"true\"") != std::string::npos);
}

TEST_CASE("the synthetic exports (plain, PBKDF2, Argon2id) hold the same vault with every type", "[bitwarden]") {
    Report plain_report, pbkdf2_report, argon_report;
    const Vault plain = bwtest::read("bitwarden/synthetic-bitwarden-plain-with-passkeys.json", plain_report);
    const Vault pbkdf2 = bwtest::read("bitwarden/synthetic-bitwarden-pwprotected-pbkdf2-with-passkeys.json", pbkdf2_report,
                                      bwtest::synthetic_password);
    const Vault argon = bwtest::read("bitwarden/synthetic-bitwarden-pwprotected-argon2id-with-passkeys.json", argon_report,
                                     bwtest::synthetic_password);
    CHECK(test::to_string(test::vault_diff(plain, pbkdf2)) == "");
    CHECK(test::to_string(test::vault_diff(plain, argon)) == "");

    const Item& login = item_titled(plain, "webauthn.io (synthetic)");
    CHECK(login.favorite);
    CHECK(login.creation_at == 1717232400);  // 2024-06-01T09:00:00.000Z
    CHECK(login.modified_at == 1717329600);  // 2024-06-02T12:00:00.000Z
    CHECK(ext_of(login).find("\"reprompt\":1") != std::string::npos);
    CHECK(value(only<BasicAuth>(login).password) == "correct horse battery staple");
    CHECK(value(only<Note>(login).content) == "Login with two passkeys");
    const Totp& totp = only<Totp>(login);
    CHECK((totp.secret.view() == "JBSWY3DPEHPK3PXP" && totp.issuer == "Example" && totp.username == "synthetic-user"));
    REQUIRE(login.scope);
    CHECK(login.scope->urls.size() == 7);
    CHECK(ext_of(login).find("\"match\":4,\"uri\":\"^https://.*\\\\.example\\\\.org/.*$\"") != std::string::npos);

    const auto& fields = only<CustomFields>(login).fields;
    REQUIRE(fields.size() == 3);  // text, hidden, boolean; the linked field is kept in the extension
    CHECK((fields[0].label == "text" && fields[0].value.view() == "plain" && fields[0].type == FieldType::string));
    CHECK((fields[1].label == "secret" && fields[1].type == FieldType::concealed_string));
    CHECK((fields[2].label == "flag" && fields[2].value.view() == "true" && fields[2].type == FieldType::boolean));
    CHECK(ext_of(login).find("\"linkedId\":101") != std::string::npos);

    REQUIRE(login.history.size() == 1);
    CHECK(value(only<BasicAuth>(login.history[0]).password) == "old-password-1");
    CHECK(login.history[0].modified_at == 1717236000);

    const auto passkeys = bwtest::all<Passkey>(login);
    REQUIRE(passkeys.size() == 2);
    CHECK(bitwarden::format_guid(passkeys[0]->credential_id) == "edcac623-8d75-48dd-8076-91079b4cb9d3");
    CHECK(b64url(passkeys[0]->user_handle) == "b0_ld16RACajhJm5DS_AeZJR4xQBRFsX1RpuRoLrXl0");
    CHECK(b64url(passkeys[1]->credential_id) == "PudkVjvP8jIJ-ZZOMVVtE7sH-A0");
    CHECK(passkeys[1]->credential_id.size() == 20);
    CHECK(std::string(passkeys[1]->user_handle.begin(), passkeys[1]->user_handle.end()) == "user-1234");
    CHECK(passkeys[1]->rp_id == "example.com");
    CHECK(ext_of(login).find("\"counter\":\"5\"") != std::string::npos);
    CHECK(ext_of(login).find("\"discoverable\":\"false\"") != std::string::npos);
    for (const Passkey* p : passkeys) CHECK(crypto::inspect_pkcs8(p->key)->algorithm == crypto::KeyAlgorithm::ec_p256);
    CHECK(bwtest::count(plain_report, NoticeKind::changed, "passkey") == 1);  // only the counter 5

    CHECK(value(only<Note>(item_titled(plain, "Secure note")).content) == "line1\nline2");
    const CreditCard& card = only<CreditCard>(item_titled(plain, "Card"));
    CHECK((value(card.number) == "4111111111111111" && value(card.expiry_date) == "2030-04"));
    const Item& identity = item_titled(plain, "Identity");
    CHECK(value(only<Address>(identity).country) == "US");
    CHECK(only<Address>(identity).country->type == FieldType::country_code);
    CHECK(value(only<IdentityDocument>(identity).identification_number) == "000-00-0000");

    const SshKey& ssh = only<SshKey>(item_titled(plain, "SSH key"));
    CHECK(ssh.key_type == "ssh-ed25519");
    CHECK(crypto::inspect_pkcs8(ssh.private_key)->algorithm == crypto::KeyAlgorithm::ed25519);
    CHECK(plain.accounts[0].collections.at(0).title == "Synthetic Folder");
}

TEST_CASE("pass-import CSVs: both layouts, multi-line fields, notes, favourites, TOTP", "[bitwarden]") {
    Report report;
    const Vault individual = bwtest::read("bitwarden/pass-import-bitwarden.csv", report);
    CHECK(individual.accounts[0].items.size() == 14);
    const Item& aib = item_titled(individual, "aib");
    const auto& fields = only<CustomFields>(aib).fields;
    REQUIRE(fields.size() == 2);
    CHECK((fields[0].label == "pin" && fields[0].value.view() == "462916"));
    CHECK((fields[1].label == "oldpin" && fields[1].value.view() == "489019"));
    CHECK(value(only<BasicAuth>(aib).password) == "ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14");
    CHECK(aib.scope->urls == std::vector<std::string>{"https://onlinebanking.aib.ie"});
    const Collection& emails = collection_titled(individual.accounts[0].collections, "Emails");
    CHECK(emails.sub_collections.at(0).title == "WS");
    CHECK(links(emails.sub_collections[0], item_titled(individual, "dpbx@mnyfymt.ws")));
    CHECK(value(only<Note>(item_titled(individual, "note")).content) ==
          "This is a multiline note entry. Cube shank petroleum guacamole dart mower\r\n"  // the file is CRLF
          "acutely slashing upper cringing lunchbox tapioca wrongful unbeaten sift.");
    CHECK(item_titled(individual, "empty entry").credentials.empty());

    Report org_report;
    const Vault org = bwtest::read("bitwarden/pass-import-bitwarden-org.csv", org_report);
    CHECK(org.accounts[0].items.size() == 14);
    CHECK(links(collection_titled(org.accounts[0].collections, "Bank"), item_titled(org, "aib")));

    Report other_report;
    const Vault other = bwtest::read("bitwarden/pass-import-bitwarden-other.csv", other_report);
    REQUIRE(other.accounts[0].items.size() == 3);
    CHECK(only<Totp>(item_titled(other, "aib")).secret.view() == "S3K3TPI5MYA2M67V");
    CHECK(item_titled(other, "Some note only item").favorite);
    CHECK(bwtest::all<BasicAuth>(item_titled(other, "Some Note")).empty());
}

TEST_CASE("the export that overlaps the KeePass passkeys database holds its passkey and logins", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read("bitwarden/synthetic-bitwarden-overlapping-kdbx-passkeys.json", report);
    REQUIRE(v.accounts.at(0).items.size() == 5);
    const Item& webauthn = item_titled(v, "webauthn.io");
    const Passkey& passkey = only<Passkey>(webauthn);
    // The raw credential id of entry 1 of kdbx/generated/passkeys-pykeepass.kdbx (passkeys.expected.json).
    CHECK(encoding::hex_encode(passkey.credential_id) == "9d455ea3d3557432147db490e2a076fe4a1e8aa39a9d87a5436def9af5118404");
    CHECK(passkey.rp_id == "webauthn.io");
    CHECK(only<Totp>(webauthn).secret.view() == "JBSWY3DPEHPK3PXP");
    const Item& copy = item_titled(v, "Multi-URL (Bitwarden copy)");
    CHECK(value(only<BasicAuth>(copy).username) == "carol");
    CHECK(copy.modified_at == 1796083200);  // 2026-12-01, newer than the database's entry
    const Collection& shared = collection_titled(v.accounts[0].collections, "Shared");
    CHECK(links(shared, item_titled(v, "Forum")));
    CHECK(links(shared, item_titled(v, "Only in Bitwarden")));
    CHECK_FALSE(links(shared, item_titled(v, "Forum (saved again)")));
}
