// SPDX-License-Identifier: MIT
// Dashlane's legacy JSON export: pass-import's fixture field by field, other sections as custom
// fields (reported), a value of another type refused at its JSON pointer.
#include <catch2/catch.hpp>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/validate/validate.h"
#include "tests/dashlane/support.h"
#include "tests/support/testdata.h"
#include "tests/support/vault_lookup.h"

using namespace cxf;
using dashlane_test::custom;

namespace {

Vault read_json_text(std::string_view text, Report& report) {
    return find_format("dashlane-json")->read(Input{"d.json", crypto::SecureBytes(text.begin(), text.end())}, {}, report);
}

}  // namespace

TEST_CASE("pass-import's Dashlane JSON export is read field by field", "[dashlane][dashlane-json]") {
    Report report;
    const Vault vault = test::read_fixture(dashlane_test::json_sample, report);
    REQUIRE(vault.accounts.size() == 1);
    CHECK(vault.accounts[0].items.size() == 15);  // 14 AUTHENTIFIANT, 1 EMAIL

    const Item& aib = test::item_titled(vault, "aib");
    CHECK(test::value(test::only<BasicAuth>(aib).username) == "dpbx@fner.ws");
    CHECK(test::value(test::only<BasicAuth>(aib).password) == "ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14");
    REQUIRE(aib.scope);
    CHECK(aib.scope->urls == std::vector<std::string>{"https://onlinebanking.aib.ie"});
    CHECK(test::all<Note>(aib).empty());
    CHECK(test::all<CustomFields>(aib).empty());  // empty email and secondaryLogin

    CHECK(test::value(test::only<BasicAuth>(test::item_titled(vault, "dpbx@afoqwdr.tx")).password) == "9KVHnx:.S_S;cF`=CE@e\\p{v6");
    CHECK(test::value(test::only<Note>(test::item_titled(vault, "note")).content) ==
          "This is a multiline note entry. Cube shank petroleum guacamole dart mower\n"
          "acutely slashing upper cringing lunchbox tapioca wrongful unbeaten sift.");
    const Item& empty = test::item_titled(vault, "empty entry");
    CHECK_FALSE(empty.scope);
    CHECK_FALSE(test::only<BasicAuth>(empty).username);

    const Item& email = test::item_titled(vault, "EMAIL");
    CHECK(custom(email, "email") == "login@example.com");
    bool reported = false;
    for (const Notice& n : report.notices()) reported |= n.kind == NoticeKind::changed && n.place == "/EMAIL";
    CHECK(reported);

    Report findings;
    validate(vault, findings);
    CHECK_FALSE(findings.has_errors());
}

TEST_CASE("Dashlane JSON: a value of another type is refused at its pointer", "[dashlane][dashlane-json]") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {R"({"AUTHENTIFIANT": {"title": "x"}})", "/AUTHENTIFIANT"},
        {R"({"AUTHENTIFIANT": ["x"]})", "/AUTHENTIFIANT/0"},
        {R"({"AUTHENTIFIANT": [{"title": "t", "password": 7}]})", "/AUTHENTIFIANT/0/password"},
        {R"(["AUTHENTIFIANT"])", ""},
    };
    for (const auto& [text, pointer] : cases) {
        CAPTURE(text);
        Report report;
        try {
            read_json_text(text, report);
            FAIL("read");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::malformed);
            CHECK(e.where().place == pointer);
        }
    }
    Report report;
    const Vault vault = read_json_text(R"({"AUTHENTIFIANT": [{"title": "t", "secondaryLogin": "alt", "note": null}]})", report);
    CHECK(custom(test::item_titled(vault, "t"), "secondaryLogin") == "alt");
}
