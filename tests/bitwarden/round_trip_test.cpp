// SPDX-License-Identifier: MIT
// Bitwarden → CXF → Bitwarden and Bitwarden → Bitwarden keep everything: passkeys (private key,
// credential id, user handle, rpId), TOTP, custom fields, URIs with their match rules, password
// history; the password-protected writer and the CSV layouts round-trip too.
#include <catch2/catch.hpp>

#include "cxf/csv/csv.h"
#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/formats/registry.h"
#include "exporters/bitwarden_json/write.h"
#include "tests/bitwarden/support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using bwtest::at;

namespace {

constexpr std::string_view synthetic = "bitwarden/synthetic-bitwarden-plain-with-passkeys.json";

// Through CXF JSON text and back: what a user converting to .cxf and back would get.
Vault through_cxf(const Vault& vault) {
    Report write_report, read_report;
    io::MemoryOutput out;
    cxf_json::write(vault, out, {}, write_report);
    CHECK_FALSE(write_report.has_losses());
    Vault again = cxf_json::read(as_text(out.bytes()), "cxf", {}, read_report);
    again.timestamp = vault.timestamp;  // CXF stamps the time of writing; Bitwarden exports have none
    return again;
}

std::string without_cr(std::string_view s) {
    std::string out;
    for (const char c : s)
        if (c != '\r') out += c;
    return out;
}

// Each record as column name → cell, header excluded.
std::vector<std::map<std::string, std::string>> rows(std::string_view text) {
    csv::Reader reader(text, "csv", {});
    const auto header = reader.next();
    std::vector<std::map<std::string, std::string>> out;
    while (const auto row = reader.next()) {
        auto& record = out.emplace_back();
        for (std::size_t i = 0; i < row->cells.size(); ++i) record[std::string(header->cells.at(i).view())] = row->cells[i].view();
    }
    return out;
}

std::string text(const json::Cursor& c) { return c.is_string() ? std::string(c.string()) : std::string(json::to_json(c).view()); }

// Write options whose password provider records that it was asked.
WriteOptions options_noting_asks(bool& asked) {
    WriteOptions options;
    options.password = [&asked] {
        asked = true;
        return crypto::Secret("pw");
    };
    return options;
}

}  // namespace

TEST_CASE("Bitwarden → CXF → Bitwarden and Bitwarden → Bitwarden keep every member of every JSON fixture",
          "[bitwarden][roundtrip]") {
    const auto [fixture, password] = GENERATE(table<std::string_view, std::string_view>({
        {"bitwarden/synthetic-bitwarden-plain-with-passkeys.json", ""},
        {"bitwarden/keepassxc-bitwarden_export.json", ""},
        {"bitwarden/pass-import-bitwarden.json", ""},
        {"bitwarden/pass-import-bitwarden-org.json", ""},
        {"bitwarden/pass-import-bitwarden-other.json", ""},
        {"bitwarden/bitwarden-to-keepass-test_passkey.json", ""},
        {"bitwarden/keepassxc-bitwarden_encrypted_argon2id_export.json", "a"},
    }));
    CAPTURE(fixture);
    Report report;
    const Vault original = bwtest::read(fixture, report, password);
    std::string source;
    if (password.empty()) {
        source = std::string(as_text(test::read_testdata(fixture).bytes));
    } else {
        Report again;
        source = bwtest::write("bitwarden", original, again);  // the decrypted export, as cxf writes it
    }

    Report direct_report;
    const std::string direct = bwtest::write("bitwarden", original, direct_report);
    CHECK_FALSE(direct_report.has_losses());
    CHECK(test::to_string(bwtest::meaningful_diff(source, direct)) == "");

    const Vault via = through_cxf(original);
    CHECK(test::to_string(test::vault_diff(original, via)) == "");
    Report via_report;
    const std::string back = bwtest::write("bitwarden", via, via_report);
    CHECK_FALSE(via_report.has_losses());
    CHECK(test::to_string(bwtest::meaningful_diff(source, back)) == "");
}

TEST_CASE("passkeys survive Bitwarden → CXF → Bitwarden byte for byte", "[bitwarden][roundtrip]") {
    Report report;
    const Vault original = bwtest::read(synthetic, report);
    Report write_report;
    const std::string out = bwtest::write("bitwarden", through_cxf(original), write_report);
    const bwtest::Json in(as_text(test::read_testdata(synthetic).bytes)), again(out);
    for (int k = 0; k < 2; ++k) {
        const std::string base = "items/0/login/fido2Credentials/" + std::to_string(k) + "/";
        CAPTURE(base);
        for (const std::string_view member : {"credentialId", "keyValue", "userHandle", "rpId", "userName", "counter",
                                              "rpName", "userDisplayName", "discoverable", "creationDate", "keyAlgorithm",
                                              "keyCurve", "keyType"})
            CHECK(text(at(in.root(), base + std::string(member))) == text(at(again.root(), base + std::string(member))));
    }
    // The same private key bytes, not only the same text.
    const auto key_in = encoding::base64url_decode(text(at(in.root(), "items/0/login/fido2Credentials/1/keyValue")));
    const auto key_out = encoding::base64url_decode(text(at(again.root(), "items/0/login/fido2Credentials/1/keyValue")));
    REQUIRE(key_in);
    CHECK(*key_in == *key_out);
    CHECK(text(at(again.root(), "items/0/login/fido2Credentials/1/credentialId")) == "b64.PudkVjvP8jIJ-ZZOMVVtE7sH-A0");
    CHECK(text(at(again.root(), "items/0/login/fido2Credentials/1/counter")) == "5");
    CHECK(text(at(again.root(), "items/0/login/totp")) ==
          "otpauth://totp/Example:synthetic-user?secret=JBSWY3DPEHPK3PXP&issuer=Example");
    CHECK(text(at(again.root(), "items/0/login/uris/5/match")) == "4");
    CHECK(text(at(again.root(), "items/0/fields/3/linkedId")) == "101");
    CHECK(text(at(again.root(), "items/0/passwordHistory/0/password")) == "old-password-1");
    CHECK(text(at(again.root(), "items/0/reprompt")) == "1");
    CHECK(text(at(again.root(), "items/4/sshKey/privateKey")) == text(at(in.root(), "items/4/sshKey/privateKey")));
    CHECK(text(at(again.root(), "items/4/sshKey/keyFingerprint")) == "SHA256:689TM3M+8SY1uNa8gKHPRyaOEoMYhPX6WHX+DZX5+u8");
}

TEST_CASE("the export is written in Bitwarden's member order with two-space indents", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read(synthetic, report);
    Report write_report;
    const std::string out = bwtest::write("bitwarden", v, write_report);
    CHECK(out.starts_with("{\n  \"encrypted\": false,\n  \"folders\": [\n    {\n      \"id\": "));
    const bwtest::Json doc(out);
    std::vector<std::string> keys;
    for (const auto m : at(doc.root(), "items/0").members()) keys.emplace_back(m.key);
    CHECK(keys == std::vector<std::string>{"passwordHistory", "revisionDate", "creationDate", "deletedDate", "id",
                                           "organizationId", "folderId", "type", "reprompt", "name", "notes", "favorite",
                                           "fields", "login", "collectionIds"});
    keys.clear();
    for (const auto m : at(doc.root(), "items/0/login").members()) keys.emplace_back(m.key);
    CHECK(keys == std::vector<std::string>{"uris", "username", "password", "totp", "fido2Credentials"});
}

TEST_CASE("a password-protected export written by cxf reads back with its password", "[bitwarden][roundtrip]") {
    Report report;
    const Vault original = bwtest::read(synthetic, report);
    using Type = bitwarden::KdfParams::Type;
    const auto [kdf, params] = GENERATE(table<std::string_view, bitwarden::KdfParams>({
        {"pbkdf2", {Type::pbkdf2_sha256, 5000, 64, 4}},
        {"argon2id", {Type::argon2id, 2, 16, 1}},
    }));
    CAPTURE(kdf);
    WriteOptions options;
    options.bitwarden.encrypt = true;
    options.bitwarden.kdf = params;
    Report write_report;
    const std::string envelope = bwtest::write("bitwarden", original, write_report, options, "new password");
    const bwtest::Json doc(envelope);
    CHECK(at(doc.root(), "passwordProtected").boolean());
    CHECK(at(doc.root(), "kdfType").uint64() == (kdf == "argon2id" ? 1u : 0u));
    CHECK(envelope.find("correct horse") == std::string::npos);
    Report read_report;
    const Vault again = bwtest::read_text("bitwarden", envelope, read_report, "new password");
    CHECK(test::to_string(test::vault_diff(original, again)) == "");
    Report wrong;
    CHECK_THROWS_AS(bwtest::read_text("bitwarden", envelope, wrong, "other password"), Error);
}

TEST_CASE("the password-protected writer asks for a password only when it encrypts", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read(synthetic, report);
    bool asked = false;
    WriteOptions options = options_noting_asks(asked);
    io::MemoryOutput out;
    find_format("bitwarden")->write(v, out, options, report);
    CHECK_FALSE(asked);
    options.bitwarden.encrypt = true;
    options.bitwarden.kdf.iterations = 5000;
    find_format("bitwarden")->write(v, out, options, report);
    CHECK(asked);
    options.bitwarden.kdf.iterations = 1000;  // below Bitwarden's floor
    CHECK_THROWS_MATCHES(find_format("bitwarden")->write(v, out, options, report), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == Errc::usage; }));
}

TEST_CASE("KDF settings Bitwarden would refuse stop the writer before it writes or asks for a password", "[bitwarden]") {
    Report report;
    const Vault v = bwtest::read(synthetic, report);
    bool asked = false;
    WriteOptions options = options_noting_asks(asked);
    using Type = bitwarden::KdfParams::Type;
    for (const auto& [name, params] : std::vector<std::pair<std::string, bitwarden::KdfParams>>{
             {"iterations", {Type::pbkdf2_sha256, 1000, 64, 4}},
             {"memory", {Type::argon2id, 3, 8, 4}},
             {"parallelism", {Type::argon2id, 3, 64, 32}}}) {
        CAPTURE(name);
        options.bitwarden.encrypt = true;
        options.bitwarden.kdf = params;
        io::MemoryOutput out;
        Report write_report;
        CHECK_THROWS_MATCHES(find_format("bitwarden")->write(v, out, options, write_report), Error,
                             Catch::Predicate<Error>([](const Error& e) { return e.code() == Errc::usage; }));
        CHECK(out.bytes().empty());
        CHECK(write_report.notices().empty());
    }
    CHECK_FALSE(asked);
}

TEST_CASE("Bitwarden CSV → CXF → Bitwarden CSV keeps every cell, in both layouts", "[bitwarden][roundtrip]") {
    for (const std::string_view fixture : {"bitwarden/pass-import-bitwarden.csv", "bitwarden/pass-import-bitwarden-org.csv",
                                           "bitwarden/pass-import-bitwarden-other.csv"}) {
        CAPTURE(fixture);
        Report report;
        const Vault original = bwtest::read(fixture, report);
        Report write_report;
        const std::string out = bwtest::write("bitwarden-csv", through_cxf(original), write_report);
        CHECK_FALSE(write_report.has_losses());
        CHECK(out.find("\r\n") != std::string::npos);

        const auto before = rows(as_text(test::read_testdata(fixture).bytes));
        const auto after = rows(out);
        REQUIRE(before.size() == after.size());
        for (std::size_t r = 0; r < before.size(); ++r) {
            CAPTURE(r);
            for (const auto& [column, cell] : before[r]) {
                CAPTURE(column);
                // cxf, like Bitwarden, separates custom fields with LF; this file has CRLF everywhere.
                CHECK(after[r].at(column) == (column == "fields" ? without_cr(cell) : cell));
            }
            CHECK(after[r].at("reprompt") == "0");  // the newest header has it; this older export did not
        }
        Report again_report;
        const Vault again = bwtest::read_text("bitwarden-csv", out, again_report);
        CHECK(test::to_string(test::vault_diff(original, again)) == "");
    }
}

TEST_CASE("members cxf does not map, unknown item types and odd spellings come back as they were", "[bitwarden][roundtrip]") {
    const std::string source = R"({
  "encrypted": false,
  "folders": [{"id": "8c1a3a32-c6f7-4647-90f8-57b644fb03a4", "name": "A"}, {"id": "f1", "name": "A/B/C"}],
  "items": [
    {"passwordHistory": null, "revisionDate": "2024-06-02T12:00:00.123Z", "creationDate": "2024-06-01T09:00:00+02:00",
     "deletedDate": "2024-07-01T00:00:00.000Z", "archivedDate": null, "id": "60212d81-1564-4b7e-ab6f-b7e50644934a",
     "organizationId": null, "folderId": "f1", "type": 3, "reprompt": 0, "name": "Card", "notes": null, "favorite": false,
     "card": {"cardholderName": null, "brand": "Amex", "number": "378282246310005", "expMonth": "04", "expYear": "29",
              "code": "1234", "futureMember": {"x": [1, 2]}},
     "collectionIds": null, "key": "2.abc|def|ghi"},
    {"id": "70488eea-fb65-4a26-a1a4-a8aa01734b3f", "type": 9, "name": "From the future", "notes": "n",
     "favorite": true, "crystalBall": {"answer": 42}},
    {"id": "d8c0ce2d-bf81-4935-917f-a46a40c59dac", "type": 4, "name": "Gaps", "identity": {
       "address1": "first", "address2": null, "address3": "third", "country": "Deutschland"}},
    {"id": "9ad9eac9-24fd-41e5-a0a2-8aaad329261d", "type": 1, "name": "Steam", "login": {
       "totp": "steam://ABCDEFGH", "username": "", "password": null, "passwordRevisionDate": "2024-01-01T00:00:00.000Z",
       "uris": [{"match": null, "uri": "androidapp://com.valvesoftware.android.steam.community"},
                {"match": 3, "uri": "https://store.steampowered.com"}]}}
  ]
})";
    Report report;
    const Vault v = bwtest::read_text("bitwarden", source, report);
    const Vault via = through_cxf(v);
    Report write_report;
    const std::string out = bwtest::write("bitwarden", via, write_report);
    CHECK_FALSE(write_report.has_losses());
    CHECK(test::to_string(bwtest::meaningful_diff(source, out)) == "");

    // What the model holds for them.
    const Item& card = bwtest::item_titled(v, "Card");
    CHECK(bwtest::value(bwtest::only<CreditCard>(card).expiry_date) == "2029-04");
    CHECK(card.creation_at == 1717225200);  // 09:00 at +02:00
    const Item& steam = bwtest::item_titled(v, "Steam");
    CHECK(bwtest::all<Totp>(steam).empty());
    CHECK(steam.scope->android_apps.at(0).bundle_id == "com.valvesoftware.android.steam.community");
    CHECK(bwtest::value(bwtest::only<BasicAuth>(steam).username) == "");
    CHECK_FALSE(bwtest::only<BasicAuth>(steam).password);
    // "A/B/C" has no folder "A/B": Bitwarden shows it under "A" as "B/C".
    const Collection& a = v.accounts[0].collections.at(0);
    CHECK(a.title == "A");
    CHECK(a.sub_collections.at(0).title == "B/C");
}

TEST_CASE("after an edit the writer follows the model, not what the importer kept", "[bitwarden][roundtrip]") {
    Report report;
    Vault v = bwtest::read(synthetic, report);
    Item& login = v.accounts[0].items[0];
    for (Credential& c : login.credentials)
        if (auto* t = std::get_if<Totp>(&c)) {
            t->secret = crypto::Secret("KRSXG5CTMVRXEZLU");
            t->digits = 8;
        }
    login.modified_at = 1735689600;  // 2025-01-01
    login.scope->urls.push_back("https://new.example");
    Report write_report;
    const bwtest::Json doc(bwtest::write("bitwarden", v, write_report));
    CHECK(text(at(doc.root(), "items/0/login/totp")) ==
          "otpauth://totp/Example:synthetic-user?secret=KRSXG5CTMVRXEZLU&issuer=Example&digits=8");
    CHECK(text(at(doc.root(), "items/0/revisionDate")) == "2025-01-01T00:00:00.000Z");
    // The URI list changed: each URI keeps its own match rule, the new one has none.
    CHECK(text(at(doc.root(), "items/0/login/uris/5/match")) == "4");
    CHECK(text(at(doc.root(), "items/0/login/uris/7/uri")) == "https://new.example");
    CHECK(at(doc.root(), "items/0/login/uris/7/match").is_null());
}

TEST_CASE("a bank account's fields with no bankAccount member become custom fields, not lost", "[bitwarden]") {
    const std::string source = R"({"encrypted": false, "items": [{"id": "9ad9eac9-24fd-41e5-a0a2-8aaad329261d", "type": 6,
        "name": "Bank", "bankAccount": {"bankName": "Example Bank", "iban": "DE00 0000"}}]})";
    Report report;
    Vault v = bwtest::read_text("bitwarden", source, report);
    for (Credential& c : v.accounts.at(0).items.at(0).credentials)
        if (auto* fields = std::get_if<CustomFields>(&c)) {
            EditableField added(FieldType::string, "42");
            added.label = "branchCode";
            fields->fields.push_back(std::move(added));
        }
    Report write_report;
    const bwtest::Json doc(bwtest::write("bitwarden", v, write_report));
    CHECK(text(at(doc.root(), "items/0/bankAccount/bankName")) == "Example Bank");
    CHECK(text(at(doc.root(), "items/0/fields/0/name")) == "branchCode");
    CHECK(text(at(doc.root(), "items/0/fields/0/value")) == "42");
}
