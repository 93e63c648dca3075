// SPDX-License-Identifier: MIT
// Damaged Bitwarden exports stop with a clear cxf::Error naming the place: a JSON pointer for JSON,
// "line N" for CSV. Values never appear in the messages.
#include <catch2/catch.hpp>

#include "tests/bitwarden/support.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

struct Expected {
    Errc code;
    std::string place;
    std::string message;  // a part of it
};

void check_error(std::string_view format, std::string_view text, const Expected& expected) {
    Report report;
    try {
        bwtest::read_text(format, text, report);
        FAIL("no error for: " << text);
    } catch (const Error& e) {
        CHECK(errc_name(e.code()) == errc_name(expected.code));
        CHECK(e.where().place == expected.place);
        CHECK_THAT(e.what(), Catch::Contains(expected.message));
        CHECK_THAT(e.what(), !Catch::Contains("s3cr3t"));
    }
}

// A minimal export around one login.
std::string with_login(std::string_view login_members, std::string_view item_members = "") {
    return R"({"encrypted": false, "folders": [], "items": [{"id": "9ad9eac9-24fd-41e5-a0a2-8aaad329261d", "type": 1, )" +
           std::string(item_members) + R"("name": "x", "login": {)" + std::string(login_members) + "}}]}";
}

std::string with_passkey(std::string_view id, std::string_view key) {
    return with_login(R"("password": "s3cr3t", "fido2Credentials": [{"credentialId": ")" + std::string(id) +
                      R"(", "keyValue": ")" + std::string(key) + R"(", "rpId": "example.com", "counter": "0"}])");
}

constexpr std::string_view good_key =
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg0LceZWIfLeEOpT47xya6GCuI-dmuh0a2dvm_RACte8yhRANCAARLezqTXmNLn7uscOYKaTn"
    "H_zDt_EIPitDPjig2IGdG5junCpIkgmJ7cKwea44AAzJnKYJlY7lj6lVD5x-pOf6-";

}  // namespace

TEST_CASE("damaged Bitwarden JSON gives an error at its JSON pointer", "[bitwarden][malformed]") {
    SECTION("truncated") {
        const std::string whole = with_login(R"("password": "s3cr3t")");
        check_error("bitwarden", whole.substr(0, whole.size() - 7), {Errc::malformed, "/items/0/login/password", "byte offset"});
    }
    SECTION("not an object") { check_error("bitwarden", "[1, 2]", {Errc::malformed, "", "expected a Bitwarden export object"}); }
    SECTION("no items") { check_error("bitwarden", R"({"encrypted": false, "folders": []})", {Errc::malformed, "", "no 'items'"}); }
    SECTION("an item that is not an object") {
        check_error("bitwarden", R"({"encrypted": false, "items": [42]})", {Errc::malformed, "/items/0", "expected an item object"});
    }
    SECTION("wrong types") {
        check_error("bitwarden", with_login(R"("password": 42)"), {Errc::malformed, "/items/0/login/password", "expected a string, got"});
        check_error("bitwarden", with_login("", R"("favorite": "yes", )"), {Errc::malformed, "/items/0/favorite", "expected true or false"});
        check_error("bitwarden", with_login(R"("uris": {"uri": "x"})"), {Errc::malformed, "/items/0/login/uris", "expected an array"});
        check_error("bitwarden", R"({"items": [{"type": "login", "name": "x"}]})", {Errc::malformed, "/items/0/type", "expected an integer"});
        check_error("bitwarden", R"({"items": [{"name": "x"}]})", {Errc::malformed, "/items/0", "needs a 'type'"});
        check_error("bitwarden", R"({"items": [], "folders": [{"id": 5, "name": "x"}]})", {Errc::malformed, "/folders/0/id", "expected a string"});
    }
    SECTION("bad dates") {
        check_error("bitwarden", with_login("", R"("creationDate": "yesterday", )"),
                    {Errc::malformed, "/items/0/creationDate", "not an ISO 8601 date"});
    }
    SECTION("a passkey with a credential id that is neither a GUID nor b64.") {
        check_error("bitwarden", with_passkey("edcac623-8d75-48dd-8076-91079b4cb9dZ", good_key),
                    {Errc::malformed, "/items/0/login/fido2Credentials/0/credentialId", "neither a GUID"});
        check_error("bitwarden", with_passkey("b64.!!!", good_key),
                    {Errc::malformed, "/items/0/login/fido2Credentials/0/credentialId", "neither a GUID"});
    }
    SECTION("a passkey whose key is not base64url, or not PKCS#8") {
        check_error("bitwarden", with_passkey("edcac623-8d75-48dd-8076-91079b4cb9d3", "MIGH*AgEA"),
                    {Errc::malformed, "/items/0/login/fido2Credentials/0/keyValue", "not base64url"});
        check_error("bitwarden", with_passkey("edcac623-8d75-48dd-8076-91079b4cb9d3", "AAAA"),
                    {Errc::malformed, "/items/0/login/fido2Credentials/0/keyValue", "not a PKCS#8 private key"});
    }
    SECTION("an account-restricted export") {
        check_error("bitwarden", R"({"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.AAAA|AAAA|AAAA", "folders": [], "items": []})",
                    {Errc::unsupported, "", "Password protected"});
    }
    SECTION("a damaged password-protected envelope") {
        check_error("bitwarden", R"({"encrypted": true, "passwordProtected": true, "salt": 5})", {Errc::usage, "", "password"});
    }
}

TEST_CASE("damaged Bitwarden CSV gives an error at its line (and column, for a damaged cell)", "[bitwarden][malformed]") {
    constexpr std::string_view header = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n";
    SECTION("an unterminated quote") {
        check_error("bitwarden-csv", std::string(header) + "a,,login,x,,,0,,u,s3cr3t,\nb,,login,\"y,,,0,,u,p,\n",
                    {Errc::malformed, "line 3, column 4", "never closed"});
    }
    SECTION("text after a closing quote") {
        check_error("bitwarden-csv", std::string(header) + "a,,login,\"x\"y,,,0,,u,s3cr3t,\n", {Errc::malformed, "line 2, column 4", "after the closing quote"});
    }
    SECTION("a row of the wrong length, after a multi-line cell") {
        check_error("bitwarden-csv", std::string(header) + "a,,note,x,\"two\nlines\",,0,,,,\nb,,login,y\n",
                    {Errc::malformed, "line 4", "expected 11 cells, got 4"});
    }
    SECTION("invalid UTF-8") {
        check_error("bitwarden-csv", std::string(header) + "a,,login,\xff\xfe,,,0,,u,p,\n", {Errc::malformed, "line 2, column 4", "not valid UTF-8"});
    }
    SECTION("no header") { check_error("bitwarden-csv", "", {Errc::malformed, "line 1", "no header"}); }
    SECTION("not Bitwarden's header") {
        check_error("bitwarden-csv", "url,user,pass\nx,y,s3cr3t\n", {Errc::malformed, "line 1", "not a Bitwarden CSV header"});
    }
}

TEST_CASE("a CSV with a byte order mark and CRLF reads like one without", "[bitwarden]") {
    const std::string plain =
        "collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
        "\"Work,Home\",login,\"quoted, \"\"name\"\"\",,\"a: 1\nb: x: y\",1,\"https://a.example,https://b.example\",u,p,JBSWY3DPEHPK3PXP\n";
    std::string windows = "\xEF\xBB\xBF";
    for (const char c : plain) windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
    Report r1, r2;
    const Vault a = bwtest::read_text("bitwarden-csv", plain, r1);
    const Vault b = bwtest::read_text("bitwarden-csv", windows, r2);
    CHECK(test::to_string(test::vault_diff(a, b)) == "");
    const Item& item = a.accounts.at(0).items.at(0);
    CHECK(item.title == "quoted, \"name\"");
    CHECK(item.scope->urls == std::vector<std::string>{"https://a.example", "https://b.example"});
    const auto& fields = bwtest::only<CustomFields>(item).fields;
    REQUIRE(fields.size() == 2);
    CHECK((fields[1].label == "b: x" && fields[1].value.view() == "y"));  // split at the last ": ", as Bitwarden does
    CHECK(a.accounts[0].collections.size() == 2);  // Work and Home
    CHECK(bwtest::only<Totp>(item).secret.view() == "JBSWY3DPEHPK3PXP");
}

TEST_CASE("a key where a value belongs is named by its position, never by its text", "[bitwarden][malformed][secrets]") {
    check_error("bitwarden", with_login(R"("password": {"s3cr3t": 1, "s3cr3t": 2})"),
                {Errc::malformed, "/items/0/login/password/{key 1}", "duplicate key"});
    check_error("bitwarden", with_login(R"("password": {"x": {"username": {"s3cr3t": ]}}})"),
                {Errc::malformed, "/items/0/login/password/{key 0}/{key 0}/{key 0}", "byte offset"});
    check_error("bitwarden", with_login(R"("password": {"s3cr3t": 1})"),
                {Errc::malformed, "/items/0/login/password", "expected a string, got object"});
}

TEST_CASE("a CSV header merged with a row names its cells by column, never by content", "[bitwarden][malformed][secrets]") {
    Report report;
    bwtest::read_text("bitwarden-csv", "type,name,login_username,s3cr3t\nlogin,x,u,p\n", report);
    CHECK(bwtest::has_message(report, NoticeKind::changed, "column 4 is not a Bitwarden column"));
    for (const Notice& n : report.notices()) CHECK_THAT(n.message, !Catch::Contains("s3cr3t"));
}

TEST_CASE("JSON type errors say which kind of number was found", "[bitwarden][malformed]") {
    const auto item_type = [](std::string_view type) { return R"({"items": [{"type": )" + std::string(type) + R"(, "name": "x"}]})"; };
    check_error("bitwarden", item_type("1.5"), {Errc::malformed, "/items/0/type", "expected an integer, got number"});
    check_error("bitwarden", item_type("18446744073709551615"),
                {Errc::malformed, "/items/0/type", "expected an integer, got integer above 2^63 - 1"});
    check_error("bitwarden", with_login(R"("password": -7)"), {Errc::malformed, "/items/0/login/password", "got negative integer"});
    check_error("bitwarden", with_login(R"("password": 7)"), {Errc::malformed, "/items/0/login/password", "got non-negative integer"});
}

TEST_CASE("a negative kdfType is named as an unknown KDF type", "[bitwarden][malformed]") {
    const std::string envelope = R"({"encrypted": true, "passwordProtected": true, "salt": "c2FsdA==", "kdfType": -1, )"
                                 R"("kdfIterations": 600000, "encKeyValidation_DO_NOT_EDIT": "2.AAAA|AAAA|AAAA", "data": "2.AAAA|AAAA|AAAA"})";
    Report report;
    const Error e = test::thrown_by([&] { bwtest::read_text("bitwarden", envelope, report, "pw"); });
    CHECK(e.where().place == "/kdfType");
    CHECK_THAT(e.what(), Catch::Contains("unknown KDF type -1"));
    CHECK_THAT(e.what(), !Catch::Contains("got integer"));
}
