// SPDX-License-Identifier: MIT
// Bitwarden password-protected exports: the reference files open, envelopes are told apart, and what
// cxf writes opens again and looks like what Bitwarden writes.
#include <catch2/catch.hpp>

#include <set>

#include "cxf/encoding/base64.h"
#include "cxf/json/cursor.h"
#include "tests/bitwarden_crypto/support.h"
#include "tests/support/json_diff.h"

using namespace cxf;
using namespace test::bitwarden_crypto;
using bitwarden::Envelope;
using bitwarden::KdfParams;

namespace {

Envelope kind_of(std::string_view text) {
    json::Tape tape;
    json::parse(text, "export.json", {}, tape);
    const std::string base;
    return bitwarden::envelope_kind(json::Cursor(tape, 0, base));
}

std::vector<std::string> member_names(std::string_view text) {
    json::Tape tape;
    json::parse(text, "export.json", {}, tape);
    const std::string base;
    std::vector<std::string> names;
    for (const auto member : json::Cursor(tape, 0, base).members()) names.emplace_back(member.key);
    return names;
}

}  // namespace

TEST_CASE("every password-protected fixture opens with the password its provenance gives", "[bitwarden-crypto]") {
    const std::map<std::string, std::string> passwords = fixture_passwords();
    // What the provenance says the protected files hold.
    const std::map<std::string, std::string> counterpart = {
        {"synthetic-bitwarden-pwprotected-pbkdf2-with-passkeys.json", std::string(synthetic_plain)},
        {"synthetic-bitwarden-pwprotected-argon2id-with-passkeys.json", std::string(synthetic_plain)},
    };
    const std::set<std::string> keepassxc = {"keepassxc-bitwarden_encrypted_export.json",
                                             "keepassxc-bitwarden_encrypted_argon2id_export.json"};
    std::set<std::string> opened;
    for (const std::string& name : json_fixtures()) {
        const std::string envelope = fixture(name);
        if (kind_of(envelope) != Envelope::password_protected) continue;
        CAPTURE(name);
        REQUIRE(passwords.count(name) == 1);
        const std::string plain = decrypt(envelope, passwords.at(name));
        opened.insert(name);

        json::Tape tape;
        json::parse(plain, name, {}, tape);
        const std::string base;
        const json::Cursor root(tape, 0, base);
        CHECK(bitwarden::envelope_kind(root) == Envelope::plain);
        REQUIRE(root.find("items"));
        CHECK(root.find("items")->size() > 0);

        if (const auto it = counterpart.find(name); it != counterpart.end()) {
            const std::string expected = fixture(it->second);
            CHECK(test::to_string(test::json_diff(plain, expected)) == "");
            CHECK(plain == expected);  // the provenance says byte for byte
        }
        if (keepassxc.count(name)) {
            // Both KeePassXC samples hold the same single login (KeePassXC's TestImports).
            const json::Cursor item = *root.find("items")->elements().begin();
            CHECK(item.find("name")->string() == "KeePassXC");
            CHECK(item.find("login")->find("totp")->string() == "fsfsfsfsefefef");
            CHECK(item.find("login")->find("password")->string() == "TYsbQUyeD3qrav");
        }
    }
    CHECK(opened.size() >= 4);
    for (const auto& [name, plain] : counterpart) CHECK(opened.count(name) == 1);
    for (const std::string& name : keepassxc) CHECK(opened.count(name) == 1);
}

TEST_CASE("envelope_kind tells plain, password-protected and account-restricted exports apart", "[bitwarden-crypto]") {
    CHECK(kind_of(fixture("keepassxc-bitwarden_export.json")) == Envelope::plain);  // no "encrypted" member at all
    CHECK(kind_of(fixture("pass-import-bitwarden.json")) == Envelope::plain);
    CHECK(kind_of(fixture(synthetic_plain)) == Envelope::plain);
    CHECK(kind_of(fixture("keepassxc-bitwarden_encrypted_export.json")) == Envelope::password_protected);
    CHECK(kind_of(fixture("synthetic-bitwarden-pwprotected-argon2id-with-passkeys.json")) == Envelope::password_protected);
    CHECK(kind_of(R"({"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.a|b|c", "folders": [], "items": []})") ==
          Envelope::account_restricted);
    CHECK(kind_of(R"({"encrypted": true, "passwordProtected": false, "items": []})") == Envelope::account_restricted);
    CHECK(kind_of(R"({"encrypted": false, "passwordProtected": true, "items": []})") == Envelope::plain);
    CHECK(kind_of(R"({"encrypted": "true", "items": []})") == Envelope::plain);
    CHECK(kind_of(R"([])") == Envelope::plain);
}

TEST_CASE("an export cxf encrypts decrypts to the same bytes", "[bitwarden-crypto]") {
    const KdfParams kdf = GENERATE(cheap_pbkdf2(), cheap_argon2id());
    CAPTURE(static_cast<int>(kdf.type));
    const std::string plain = fixture(synthetic_plain);
    const std::string envelope = encrypt(plain, "correct horse \xc3\xa9", kdf);
    CHECK(decrypt(envelope, "correct horse \xc3\xa9") == plain);
    CHECK(thrown_by([&] { decrypt(envelope, "correct horse e"); }).code() == Errc::wrong_password);
    CHECK(envelope.find("passkey") == std::string::npos);  // nothing of the payload in clear
}

TEST_CASE("envelopes are written the way Bitwarden's clients write them", "[bitwarden-crypto]") {
    const std::string plain = fixture(synthetic_plain);
    const std::string pbkdf2 = encrypt(plain, "pw", cheap_pbkdf2());
    const std::string argon2 = encrypt(plain, "pw", cheap_argon2id());

    using Names = std::vector<std::string>;
    CHECK(member_names(pbkdf2) == Names{"encrypted", "passwordProtected", "salt", "kdfType", "kdfIterations",
                                        "encKeyValidation_DO_NOT_EDIT", "data"});
    CHECK(member_names(argon2) == Names{"encrypted", "passwordProtected", "salt", "kdfType", "kdfIterations",
                                        "encKeyValidation_DO_NOT_EDIT", "data", "kdfMemory", "kdfParallelism"});
    // JSON.stringify(doc, null, "  "): two-space indents, no newline at the end.
    CHECK(pbkdf2.rfind("{\n  \"encrypted\": true,\n  \"passwordProtected\": true,\n  \"salt\": \"", 0) == 0);
    CHECK(pbkdf2.find("\n  \"kdfType\": 0,\n  \"kdfIterations\": 5000,\n") != std::string::npos);
    CHECK(argon2.find("\n  \"kdfType\": 1,\n  \"kdfIterations\": 2,\n") != std::string::npos);
    CHECK(argon2.find("\n  \"kdfMemory\": 16,\n  \"kdfParallelism\": 1\n}") != std::string::npos);
    CHECK(pbkdf2.back() == '}');

    const std::string salt = member_string(pbkdf2, "salt");
    CHECK(salt.size() == 24);
    CHECK(encoding::base64_decode(salt).value().size() == 16);
    for (const char* key : {"encKeyValidation_DO_NOT_EDIT", "data"}) {
        const std::string value = member_string(pbkdf2, key);
        CHECK(value.rfind("2.", 0) == 0);
        CHECK(std::count(value.begin(), value.end(), '|') == 2);
    }
    // Fresh salt and IVs every time.
    const std::string again = encrypt(plain, "pw", cheap_pbkdf2());
    CHECK(member_string(again, "salt") != salt);
    CHECK(member_string(again, "data").substr(0, 26) != member_string(pbkdf2, "data").substr(0, 26));
}

TEST_CASE("cxf refuses to write an export Bitwarden would refuse to import", "[bitwarden-crypto]") {
    const std::string plain = fixture(synthetic_plain);
    CHECK(thrown_by([&] { encrypt(plain, "", cheap_pbkdf2()); }).code() == Errc::usage);
    CHECK(thrown_by([&] { encrypt(plain, " \t ", cheap_pbkdf2()); }).code() == Errc::usage);

    KdfParams kdf = cheap_pbkdf2();
    kdf.iterations = 4999;
    const Error few = thrown_by([&] { encrypt(plain, "pw", kdf); });
    CHECK(few.code() == Errc::usage);
    CHECK(few.where().place == "kdfIterations");
    CHECK_THAT(few.what(), Catch::Contains("5000"));
    kdf.iterations = 2000001;
    CHECK(thrown_by([&] { encrypt(plain, "pw", kdf); }).code() == Errc::usage);

    kdf = cheap_argon2id();
    kdf.memory_mib = 15;
    CHECK(thrown_by([&] { encrypt(plain, "pw", kdf); }).where().place == "kdfMemory");
    kdf = cheap_argon2id();
    kdf.parallelism = 17;
    CHECK(thrown_by([&] { encrypt(plain, "pw", kdf); }).where().place == "kdfParallelism");
    kdf = cheap_argon2id();
    kdf.iterations = 1;
    CHECK(thrown_by([&] { encrypt(plain, "pw", kdf); }).where().place == "kdfIterations");
}
