// SPDX-License-Identifier: MIT
// One case per CXF validation rule: a valid and an invalid document, with the expected pointer.
#include <catch2/catch.hpp>

#include "tests/cxf_json/cxf_doc.h"

using namespace cxf;
using test::has;
using test::one_item;

namespace {
constexpr auto E = Severity::error;
constexpr auto W = Severity::warning;
constexpr std::string_view p256_key =
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgARu_0sCt20EpgVxb4Puq3Ga5VVLpuTY75ngvZlyq3X6hRANCAASmdk1xLsK0oOlhxIPp0d1ZuS0sT9nf6BZtSelhqvLBW0fOL33l_bXgsr_STUHjCLn8l6gcRJwe7OQvbQubZ1dY";
// secp256k1 (not a WebAuthn curve): `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 | openssl pkcs8 -topk8 -nocrypt -outform DER`.
constexpr std::string_view k256_key =
    "MIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQgFQSDTnaS8g-64aCLkwQVgq_GD2Zoe_AJM4iPPvnRmFehRANCAATrT_7HG-0htzjzKaMO2yB81HInfj1jERvemeVnLh2Xff_cMcXxOKq8ZdlE09Z5GiZrG5MoOM_WYkK9PwIMWUQS";
constexpr std::string_view ed25519_key = "MC4CAQAwBQYDK2VwBCIEID-U9VakauO4Fsv4b_znpDHcdYg74U68siZjnWLPn7Q1";

std::string passkey(std::string_view key, std::string_view user_handle = "dQ") {
    return R"({"type":"passkey","credentialId":"Y2k","rpId":"example.com","username":"u","userDisplayName":"U","userHandle":")" +
           std::string(user_handle) + R"(","key":")" + std::string(key) + R"("})";
}
std::string totp(std::string_view secret, std::string_view algorithm = "sha1", int digits = 6, int period = 30) {
    return R"({"type":"totp","secret":")" + std::string(secret) + R"(","algorithm":")" + std::string(algorithm) +
           R"(","digits":)" + std::to_string(digits) + R"(,"period":)" + std::to_string(period) + "}";
}
std::string field(std::string_view name, std::string_view type, std::string_view value) {
    return R"({"type":"custom-fields","fields":[{"fieldType":")" + std::string(type) + R"(","value":")" + std::string(value) +
           R"(","label":")" + std::string(name) + R"("}]})";
}
const std::string cred0 = "/accounts/0/items/0/credentials/0";
}  // namespace

TEST_CASE("a minimal document is valid", "[cxf][validate]") {
    const Report r = test::check(one_item(R"({"type":"basic-auth","username":{"fieldType":"string","value":"a"}})"));
    CHECK(test::dump(r) == "");
}

TEST_CASE("ids are at most 64 bytes once decoded", "[cxf][validate]") {
    const std::string id64(86, 'A');  // 86 base64url characters = 64 bytes (+4 bits of zero)
    const std::string id65(87, 'A');
    CHECK(test::errors(test::check(R"({"version":{"major":1,"minor":0},"exporterRpId":"x","exporterDisplayName":"X","timestamp":1,"accounts":[{"id":")" + id64 + R"(","username":"","email":"","collections":[],"items":[]}]})")) == 0);
    const Report r = test::check(R"({"version":{"major":1,"minor":0},"exporterRpId":"x","exporterDisplayName":"X","timestamp":1,"accounts":[{"id":")" + id65 + R"(","username":"","email":"","collections":[],"items":[]}]})");
    CHECK(has(r, E, "/accounts/0/id", "at most 64"));
}

TEST_CASE("item and collection ids are unique within the account", "[cxf][validate]") {
    const std::string doc = R"({"version":{"major":1,"minor":0},"exporterRpId":"x","exporterDisplayName":"X","timestamp":1,
      "accounts":[{"id":"AQ","username":"","email":"","collections":[
        {"id":"Cg","title":"A","items":[]},{"id":"Cg","title":"B","items":[]}],
      "items":[{"id":"Ag","title":"1","credentials":[]},{"id":"Ag","title":"2","credentials":[]},{"id":"Aw","title":"3","credentials":[]}]}]})";
    const Report r = test::check(doc);
    CHECK(has(r, E, "/accounts/0/items/1/id", "not unique in the account (also at /accounts/0/items/0/id)"));
    CHECK(has(r, E, "/accounts/0/collections/1/id", "not unique in the account (also at /accounts/0/collections/0/id)"));
    CHECK(test::errors(r) == 2);
}

TEST_CASE("an empty required id is an error", "[cxf][validate]") {
    std::string doc = one_item("");
    doc.replace(doc.find(R"("id":"Ag")"), 9, R"("id":"")");
    CHECK(has(test::check(doc), E, "/accounts/0/items/0/id", "empty"));
}

TEST_CASE("base64url values must decode", "[cxf][validate]") {
    const Report r = test::check(one_item(passkey(p256_key, "not base64!")));
    CHECK(has(r, E, cred0 + "/userHandle", "not valid base64url"));
    // Outside validation mode the same value stops the read with the pointer.
    try {
        Report ignored;
        cxf_json::read(one_item(passkey(p256_key, "not base64!")), "doc.cxf", {}, ignored);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().place == cred0 + "/userHandle");
    }
}

TEST_CASE("a passkey key is a PKCS#8 private key on a WebAuthn algorithm", "[cxf][validate]") {
    CHECK(test::errors(test::check(one_item(passkey(p256_key)))) == 0);
    CHECK(test::errors(test::check(one_item(passkey(ed25519_key)))) == 0);
    CHECK(has(test::check(one_item(passkey("AAECAw"))), E, cred0 + "/key", "not a PKCS#8"));
    CHECK(has(test::check(one_item(passkey(k256_key))), E, cred0 + "/key", "not a WebAuthn passkey algorithm"));
    // A passkey's user handle is at most 64 bytes (WebAuthn).
    CHECK(has(test::check(one_item(passkey(p256_key, std::string(88, 'A')))), E, cred0 + "/userHandle", "64"));
}

TEST_CASE("an ssh-key is PKCS#8 and its keyType matches the key", "[cxf][validate]") {
    auto ssh = [](std::string_view type, std::string_view key) {
        return R"({"type":"ssh-key","keyType":")" + std::string(type) + R"(","privateKey":")" + std::string(key) + R"("})";
    };
    CHECK(test::errors(test::check(one_item(ssh("ssh-ed25519", ed25519_key)))) == 0);
    CHECK(test::errors(test::check(one_item(ssh("ecdsa-sha2-nistp256", p256_key)))) == 0);
    CHECK(has(test::check(one_item(ssh("ssh-rsa", ed25519_key))), E, cred0 + "/keyType", "does not match"));
    CHECK(has(test::check(one_item(ssh("ssh-ed25519", "AAEC"))), E, cred0 + "/privateKey", "not a PKCS#8"));
}

TEST_CASE("TOTP secrets are Base32 and the parameters sane", "[cxf][validate]") {
    CHECK(test::errors(test::check(one_item(totp("JBSWY3DPEHPK3PXP")))) == 0);
    CHECK(has(test::check(one_item(totp("JBSWY3DP1"))), E, cred0 + "/secret", "not a Base32"));
    CHECK(has(test::check(one_item(totp(""))), E, cred0 + "/secret", "not a Base32"));
    CHECK(has(test::check(one_item(totp("jbsw y3dp"))), W, cred0 + "/secret", "lowercase"));
    CHECK(has(test::check(one_item(totp("JBSWY3DP", "md5"))), W, cred0 + "/algorithm", "must ignore this TOTP"));
    CHECK(has(test::check(one_item(totp("JBSWY3DP", "sha1", 0))), E, cred0 + "/digits", "between 1 and 10"));
    CHECK(has(test::check(one_item(totp("JBSWY3DP", "sha1", 12))), E, cred0 + "/digits", "between 1 and 10"));
    CHECK(has(test::check(one_item(totp("JBSWY3DP", "sha1", 9))), W, cred0 + "/digits", "unusual"));
    CHECK(has(test::check(one_item(totp("JBSWY3DP", "sha1", 6, 0))), E, cred0 + "/period", "at least 1"));
}

TEST_CASE("EditableField values match their fieldType", "[cxf][validate]") {
    const std::string value = cred0 + "/fields/0/value";
    CHECK(test::errors(test::check(one_item(field("d", "date", "2024-02-29")))) == 0);
    CHECK(has(test::check(one_item(field("d", "date", "2025-02-29"))), E, value, "not a date"));
    CHECK(has(test::check(one_item(field("d", "date", "2025/02/01"))), E, value, "not a date"));
    CHECK(test::errors(test::check(one_item(field("m", "year-month", "2025-12")))) == 0);
    CHECK(has(test::check(one_item(field("m", "year-month", "2025-13"))), E, value, "year-month"));
    CHECK(test::errors(test::check(one_item(field("b", "boolean", "false")))) == 0);
    CHECK(has(test::check(one_item(field("b", "boolean", "yes"))), E, value, "boolean"));
    CHECK(test::errors(test::check(one_item(field("n", "number", "-1.5e3")))) == 0);
    CHECK(has(test::check(one_item(field("n", "number", "1e"))), E, value, "not a number"));
    CHECK(has(test::check(one_item(field("c", "country-code", "usa"))), W, value, "ISO 3166-1"));
    CHECK(has(test::check(one_item(field("s", "subdivision-code", "CA"))), W, value, "ISO 3166-2"));
    CHECK(has(test::check(one_item(field("e", "email", "nobody"))), W, value, "e-mail"));
    CHECK(has(test::check(one_item(field("w", "wifi-network-security-type", "WPA2"))), W, value, "Wi-Fi"));
    CHECK(has(test::check(one_item(field("x", "colour", "red"))), W, cred0 + "/fields/0/fieldType", "unknown fieldType"));
}

TEST_CASE("a member's fieldType is checked against the one CXF expects", "[cxf][validate]") {
    const Report r = test::check(one_item(R"({"type":"basic-auth","password":{"fieldType":"string","value":"x"}})"));
    CHECK(has(r, W, cred0 + "/password/fieldType", "'concealed-string' is expected"));
    CHECK(test::errors(r) == 0);
}

TEST_CASE("a file credential's hash is a SHA-256", "[cxf][validate]") {
    auto file = [](std::string_view hash) {
        return R"({"type":"file","id":"Zg","name":"a.txt","decryptedSize":5,"integrityHash":")" + std::string(hash) + R"("})";
    };
    CHECK(test::errors(test::check(one_item(file("LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ")))) == 0);
    CHECK(has(test::check(one_item(file("AAEC"))), E, cred0 + "/integrityHash", "SHA-256"));
}

TEST_CASE("LinkedItems and item references resolve", "[cxf][validate]") {
    std::string doc = one_item(R"({"type":"item-reference","reference":{"item":"Ag"}})");
    CHECK(test::dump(test::check(doc)) == "");
    doc = one_item(R"({"type":"item-reference","reference":{"item":"BB"}})");
    CHECK(has(test::check(doc), W, cred0 + "/reference/item", "not in this document"));
    doc = one_item("", "", R"(,"fullName":"F")");
    doc.replace(doc.find(R"("collections":[])"), 16, R"("collections":[{"id":"Cg","title":"C","items":[{"item":"Ag"},{"item":"Zz"}]}])");
    const Report r = test::check(doc);
    CHECK(has(r, W, "/accounts/0/collections/0/items/1/item", "not in this document"));
    CHECK_FALSE(has(r, W, "/accounts/0/collections/0/items/0/item", "not in this document"));
}

TEST_CASE("the shared extension only sits on collections and items, its open enums", "[cxf][validate]") {
    const std::string shared =
        R"({"name":"shared","accessors":[{"type":"robot","accountId":"AQ","name":"R","permissions":["read","fly"]},)"
        R"({"type":"user","accountId":"Ag","name":"U","permissions":["fly"]}]})";
    const Report on_item = test::check(one_item("", ",\"extensions\":[" + shared + "]"));
    const std::string base = "/accounts/0/items/0/extensions/0/accessors/";
    CHECK(has(on_item, W, base + "0/type", "importers ignore this accessor"));
    CHECK(has(on_item, W, base + "0/permissions/1", "unknown permission"));
    CHECK(has(on_item, W, base + "1/permissions", "no known permission"));
    CHECK(test::errors(on_item) == 0);
    const Report on_account = test::check(one_item("", "", ",\"extensions\":[" + shared + "]"));
    CHECK(has(on_account, E, "/accounts/0/extensions/0", "only allowed on collections and items"));
}

TEST_CASE("Android app certificates name a known hash of the right length", "[cxf][validate]") {
    auto scope = [](std::string_view alg, std::string_view fingerprint) {
        return R"(,"scope":{"urls":["https://a.example"],"androidApps":[{"bundleId":"com.a","certificate":{"fingerprint":")" +
               std::string(fingerprint) + R"(","hashAlg":")" + std::string(alg) + R"("}}]})";
    };
    const std::string sha256 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    CHECK(test::errors(test::check(one_item("", scope("sha256", sha256)))) == 0);
    CHECK(has(test::check(one_item("", scope("sha512", sha256))), E, "/accounts/0/items/0/scope/androidApps/0/certificate/fingerprint", "sha512 gives 64"));
    CHECK(has(test::check(one_item("", scope("md5", sha256))), W, "/accounts/0/items/0/scope/androidApps/0/certificate/hashAlg", "ignore"));
    CHECK(has(test::check(one_item("", R"(,"scope":{"urls":["example.com"],"androidApps":[]})")), W, "/accounts/0/items/0/scope/urls/0", "not a URI"));
}

TEST_CASE("missing required members and wrong JSON types are errors with their pointer", "[cxf][validate]") {
    CHECK(has(test::check(one_item(R"({"type":"note"})")), E, cred0, "missing required member 'content'"));
    CHECK(has(test::check(one_item(R"({"type":"totp","secret":"JBSWY3DP"})")), E, cred0, "missing required member 'period'"));
    CHECK(has(test::check(one_item("", R"(,"favorite":"yes")")), E, "/accounts/0/items/0/favorite", "expected true or false"));
    CHECK(has(test::check(one_item(R"({"type":"basic-auth","username":"plain"})")), E, cred0 + "/username", "expected an object"));
    CHECK(has(test::check(one_item(R"({"username":{"fieldType":"string","value":"a"}})")), E, cred0, "'type'"));
    CHECK(has(test::check(one_item(R"({"type":"totp","secret":"JBSWY3DP","period":30.5,"digits":6,"algorithm":"sha1"})")), E,
              cred0 + "/period", "unsigned integer"));
}

TEST_CASE("LinkedItems into another account resolve against that account's items", "[cxf][validate]") {
    Vault v;
    for (std::uint8_t a = 1; a <= 2; ++a) {
        Account& account = v.accounts.emplace_back();
        account.id = {a};
        for (std::uint8_t i = 1; i <= 3; ++i) {
            Item& item = account.items.emplace_back();
            item.id = {a, i};
            item.title = "t";
        }
    }
    Collection& c = v.accounts[0].collections.emplace_back();
    c.id = {7};
    c.title = "C";
    c.items = {{{2, 3}, Id{2}}, {{1, 3}, Id{2}}, {{2, 1}, Id{2}}, {{1, 1}, std::nullopt}};
    Report r;
    validate(v, r);
    CHECK_FALSE(has(r, W, "/accounts/0/collections/0/items/0/item", "not in this document"));
    CHECK(has(r, W, "/accounts/0/collections/0/items/1/item", "not in this document"));  // that id is account 1's
    CHECK_FALSE(has(r, W, "/accounts/0/collections/0/items/2/item", "not in this document"));
    CHECK_FALSE(has(r, W, "/accounts/0/collections/0/items/3/item", "not in this document"));
}
