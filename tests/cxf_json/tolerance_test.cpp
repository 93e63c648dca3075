// SPDX-License-Identifier: MIT
// What real exporters send that is not quite CXF 1.0: read anyway, and every change reported.
#include <catch2/catch.hpp>

#include "tests/cxf_json/cxf_doc.h"
#include "tests/support/json_diff.h"
#include "tests/support/thrown.h"

using namespace cxf;
using test::one_item;

namespace {

struct Result {
    Vault vault;
    Report report;
};

Result read(const std::string& doc, Timestamp now = 1790000000) {
    Result r;
    cxf_json::ReadSettings settings;
    settings.now = now;
    r.vault = cxf_json::read(doc, "doc.cxf", settings, r.report);
    return r;
}

bool changed(const Report& r, std::string_view text) {
    for (const Notice& n : r.notices())
        if (n.kind == NoticeKind::changed && n.message.find(text) != std::string::npos) return true;
    return false;
}

std::string written(const Vault& v) {
    Report ignored;
    const auto out = cxf_json::write(v, {}, ignored);
    return std::string(out.begin(), out.end());
}

const Item& first_item(const Result& r) { return r.vault.accounts.at(0).items.at(0); }

}  // namespace

TEST_CASE("a bare Account (no Header) is read and written inside a Header", "[cxf][tolerance]") {
    const Result r = read(R"({"id":"AQ","username":"u","email":"e","collections":[],"items":[{"id":"Ag","title":"T","credentials":[]}]})");
    CHECK(r.vault.bare_account);
    CHECK(first_item(r).title == "T");
    CHECK(changed(r.report, "bare CXF Account"));
    const std::string out = written(r.vault);
    CHECK_THAT(out, Catch::Contains("\"exporterRpId\": \"cxf.local\""));
    CHECK_THAT(out, Catch::Contains("\"accounts\": ["));
}

TEST_CASE("padded and standard-alphabet base64url is accepted, reported and written canonically", "[cxf][tolerance]") {
    std::string doc = one_item("");
    doc.replace(doc.find(R"("id":"Ag")"), 9, R"("id":"+/8=")");
    const Result r = read(doc);
    CHECK(first_item(r).id == Id{0xfb, 0xff});
    CHECK(changed(r.report, "base64url value(s) padded"));
    CHECK_THAT(written(r.vault), Catch::Contains(R"("id": "-_8")"));
}

TEST_CASE("the pre-1.0 hmacSecret becomes hmacCredentials, reported", "[cxf][tolerance]") {
    const Result r = read(one_item(
        R"({"type":"passkey","credentialId":"Y2k","rpId":"r","username":"u","userDisplayName":"U","userHandle":"dQ","key":"AQ",)"
        R"("fido2Extensions":{"hmacSecret":{"algorithm":"HS256","secret":"c2VjcmV0"}}})"));
    const auto& passkey = std::get<Passkey>(first_item(r).credentials[0]);
    const auto& h = *passkey.fido2_extensions->hmac_credentials;
    CHECK(h.algorithm == "hmac-sha256");
    CHECK(std::string(h.cred_with_uv.begin(), h.cred_with_uv.end()) == "secret");
    CHECK(h.cred_without_uv == h.cred_with_uv);
    CHECK(changed(r.report, "pre-1.0 'hmacSecret'"));
    const std::string out = written(r.vault);
    CHECK_THAT(out, Catch::Contains("\"hmacCredentials\""));
    CHECK(out.find("hmacSecret") == std::string::npos);
}

TEST_CASE("an unexpected fieldType is kept as given", "[cxf][tolerance]") {
    const Result r = read(one_item(R"({"type":"basic-auth","password":{"fieldType":"string","value":"x"}})"));
    CHECK(std::get<BasicAuth>(first_item(r).credentials[0]).password->type == FieldType::string);
    CHECK_THAT(written(r.vault), Catch::Contains(R"("fieldType": "string")"));
}

TEST_CASE("empty and null optional ids are read as absent, reported", "[cxf][tolerance]") {
    const Result r = read(one_item(R"({"type":"note","content":{"id":"","fieldType":"string","value":"n","label":null}})"));
    const auto& note = std::get<Note>(first_item(r).credentials[0]);
    CHECK(note.content->id.empty());
    CHECK_FALSE(note.content->label);
    CHECK(changed(r.report, "1 empty optional id(s)"));
    CHECK(changed(r.report, "1 member(s) with the value null"));
}

TEST_CASE("unknown enum values are kept, and the spec's ignore rule reported", "[cxf][tolerance]") {
    const Report r = test::check(one_item(R"({"type":"totp","secret":"JBSWY3DP","period":30,"digits":6,"algorithm":"md5"})"));
    CHECK(test::has(r, Severity::warning, "/accounts/0/items/0/credentials/0/algorithm", "importers must ignore this TOTP"));
    const Result kept = read(one_item(R"({"type":"totp","secret":"JBSWY3DP","period":30,"digits":6,"algorithm":"md5"})"));
    CHECK(std::get<Totp>(first_item(kept).credentials[0]).algorithm == "md5");
    CHECK_THAT(written(kept.vault), Catch::Contains(R"("algorithm": "md5")"));
}

TEST_CASE("an unknown credential type is kept verbatim and noted", "[cxf][tolerance]") {
    const Result r = read(one_item(R"({"type":"future","a":{"b":[1,2]}})"));
    const auto& unknown = std::get<UnknownCredential>(first_item(r).credentials[0]);
    CHECK(unknown.type == "future");
    CHECK(unknown.json.view() == R"({"type":"future","a":{"b":[1,2]}})");
}

TEST_CASE("Google's negative 'unknown' timestamps are dropped, reported", "[cxf][tolerance]") {
    const Result r = read(one_item("", R"(,"creationAt":-11644473600,"modifiedAt":1700000000)"));
    CHECK_FALSE(first_item(r).creation_at);
    CHECK(first_item(r).modified_at == 1700000000);
    CHECK(changed(r.report, "negative timestamp"));
}

TEST_CASE("Apple's +978307200 s dates are corrected, reported, plausible dates are not touched", "[cxf][tolerance]") {
    const Timestamp now = 1790000000;  // 2026-09
    const Result r = read(one_item("", R"(,"creationAt":2735237468,"modifiedAt":1700000000)"), now);
    CHECK(first_item(r).creation_at == 2735237468 - 978307200);
    CHECK(first_item(r).modified_at == 1700000000);
    CHECK(changed(r.report, "1 timestamp(s) were 978307200 s"));
    // Far in the future but not explainable by the offset: kept as it is.
    const Result far = read(one_item("", R"(,"creationAt":4102444800)"), now);
    CHECK(first_item(far).creation_at == 4102444800);
}

TEST_CASE("EditableField values that are not strings are kept as text and flagged", "[cxf][tolerance]") {
    const std::string doc = one_item(R"({"type":"wifi","hidden":{"fieldType":"boolean","value":true}})");
    const Result r = read(doc);
    CHECK(std::get<Wifi>(first_item(r).credentials[0]).hidden->value.view() == "true");
    CHECK(changed(r.report, "were not strings"));
    CHECK(test::has(test::check(doc), Severity::error, "/accounts/0/items/0/credentials/0/hidden/value", "must be a string"));
}

TEST_CASE("unknown members are reported, never silently dropped", "[cxf][tolerance]") {
    const Result r = read(one_item("", R"(,"colour":"red")"));
    bool found = false;
    for (const Notice& n : r.report.notices())
        found |= n.place == "/accounts/0/items/0/{key 3}" && n.message.find("unknown member 'colour'") != std::string::npos;
    CHECK(found);
}

TEST_CASE("versions: 1.x minors are read with a warning, other majors and drafts are refused", "[cxf][tolerance]") {
    std::string doc = one_item("");
    doc.replace(doc.find(R"("minor":0)"), 9, R"("minor":3)");
    const Result r = read(doc);
    CHECK(test::has(r.report, Severity::warning, "/version", "newer than 1.0"));
    CHECK_THAT(written(r.vault), Catch::Contains("\"minor\": 0"));

    for (const auto& [from, to, message] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {R"("version":{"major":1,"minor":0})", R"("version":{"major":2,"minor":0})", "major version 2"},
             {R"("version":{"major":1,"minor":0})", R"("version":0)", "pre-1.0 CXF draft"}}) {
        std::string bad = one_item("");
        bad.replace(bad.find(from), from.size(), to);
        try {
            read(bad);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::unsupported);
            CHECK(e.where().place == "/version");
            CHECK_THAT(e.what(), Catch::Contains(message));
        }
    }
}

TEST_CASE("a document that is neither Header nor Account is unrecognised", "[cxf][tolerance]") {
    try {
        read(R"({"hello":"world"})");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::unrecognized);
    }
}

TEST_CASE("the pre-1.0 basic-auth urls become the item's scope urls, merged and reported", "[cxf][tolerance]") {
    const Result r = read(one_item(R"({"type":"basic-auth","urls":["https://b.example","https://a.example"],)"
                                   R"("username":{"fieldType":"string","value":"u"}})",
                                   R"(,"scope":{"urls":["https://a.example"],"androidApps":[]})"));
    const Item& item = first_item(r);
    REQUIRE(item.scope);
    CHECK(item.scope->urls == std::vector<std::string>{"https://a.example", "https://b.example"});
    CHECK(std::get<BasicAuth>(item.credentials[0]).username->value.view() == "u");
    CHECK(changed(r.report, "pre-1.0 basic-auth 'urls'"));
    for (const Notice& n : r.report.notices()) CHECK_THAT(n.message, !Catch::Contains("unknown member"));

    const Result bare = read(one_item(R"({"type":"basic-auth","urls":["https://c.example"]})"));
    REQUIRE(first_item(bare).scope);
    CHECK(first_item(bare).scope->urls == std::vector<std::string>{"https://c.example"});
    CHECK_THAT(written(bare.vault), Catch::Contains("https://c.example"));
}

TEST_CASE("a key where a CXF value belongs is named by its position", "[cxf][tolerance][secrets]") {
    const std::string doc = one_item(R"({"type":"basic-auth","password":{"fieldType":"concealed-string","value":{"s3cr3t":1,"s3cr3t":2}}})");
    const Error e = test::thrown_by([&] { read(doc); });
    CHECK(e.where().place == "/accounts/0/items/0/credentials/0/password/value/{key 1}");
    CHECK_THAT(e.what(), Catch::Contains("duplicate key"));
    CHECK_THAT(e.what(), !Catch::Contains("s3cr3t"));
}

TEST_CASE("integer type errors in CXF say which kind of number was found", "[cxf][tolerance]") {
    const Error e = test::thrown_by([&] { read(one_item(R"({"type":"totp","secret":"A","period":-30,"digits":6,"algorithm":"sha1"})")); });
    CHECK_THAT(e.what(), Catch::Contains("expected an unsigned integer, got negative integer"));
}
