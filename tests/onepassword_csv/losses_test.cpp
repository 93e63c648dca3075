// SPDX-License-Identifier: MIT
// Writing rich CXF as 1Password CSV: the loss report names each thing the CSV cannot hold, by item
// and feature, and never a value.
#include <catch2/catch.hpp>

#include "cxf/cxf_json/cxf_json.h"
#include "tests/cxf_json/kitchen_sink.h"
#include "tests/onepassword_csv/support.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

// The lost notice about `field` of the item titled `item`, or null.
const Notice* lost(const Report& report, std::string_view item, std::string_view field) {
    for (const Notice& n : report.notices())
        if (n.kind == NoticeKind::lost && n.item == item && n.field == field) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("the spec's example written as 1Password CSV names the passkey, the file and every other lost credential",
          "[1password-csv][losses]") {
    Report read_report;
    const Vault vault = test::read_fixture("cxf/spec-appendix-a-32-byte-hash.json", read_report);
    Report report;
    const std::string text = opcsv_test::write_text(vault, report);

    const Notice* passkey = lost(report, "WebAuthn.io", "passkey");
    REQUIRE(passkey);
    CHECK(passkey->feature == Feature::passkeys);
    CHECK_THAT(passkey->message, Catch::Contains("credential exchange (CXP)"));
    const Notice* file = lost(report, "ID card", "attachment:example-document.pdf");
    REQUIRE(file);
    CHECK(file->feature == Feature::attachments);
    CHECK(lost(report, "Visa Credit Card", "credential:credit-card"));
    CHECK(lost(report, "Wifi", "credential:wifi"));
    CHECK(lost(report, "SSH Key", "credential:ssh-key"));
    CHECK(lost(report, "Passport", "credential:passport"));
    CHECK(lost(report, "API key", "credential:api-key"));
    CHECK(lost(report, "GitHub Login", "timestamps"));
    CHECK(onepux_test::count(report, NoticeKind::changed, "collection 'Work Accounts' written as a tag") == 1);

    for (const Notice& n : report.notices()) {
        CAPTURE(n.message);
        CHECK_THAT(n.message, !Catch::Contains("securepassword123"));
    }
    // What it can hold is there: the GitHub login with its TOTP, and one row per item.
    CHECK_THAT(text, Catch::Contains("GitHub Login,https://github.com,johndoe,securepassword123,otpauth://totp/"));
    CHECK(std::count(text.begin(), text.end(), '\n') == 15);
}

TEST_CASE("the kitchen sink written as 1Password CSV names history, custom fields and unknown data",
          "[1password-csv][losses]") {
    Report read_report;
    const Vault vault = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, read_report);
    Report report;
    opcsv_test::write_text(vault, report);
    const std::string item = "Login with everything";
    CHECK(lost(report, item, "history"));
    CHECK(lost(report, item, "custom-fields:Extra"));
    CHECK(lost(report, item, "credential:future-credential"));
    CHECK(lost(report, item, "android-apps"));
    const Notice* apps = lost(report, item, "android-apps");
    REQUIRE(apps);
    CHECK(apps->detail);  // the login itself is carried
    CHECK(lost(report, item, "extension:exporter.example.com/usage"));
}

TEST_CASE("1Password CSV reports the subtitle, the labels of what it writes and the account it cannot name",
          "[1password-csv][losses]") {
    Report read_report;
    const Vault vault = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, read_report);
    Report report;
    opcsv_test::write_text(vault, report);
    const std::string item = "Login with everything";
    const Notice* subtitle = lost(report, item, "subtitle");
    REQUIRE(subtitle);
    CHECK(subtitle->detail);
    CHECK(subtitle->feature == Feature::logins);
    const Notice* label = lost(report, item, "label:username");
    REQUIRE(label);
    CHECK(label->place == "/accounts/0/items/0/credentials/0/username");
    CHECK_FALSE(lost(report, item, "label:password"));  // the password has no label
    const Notice* account = lost(report, "", "account");
    REQUIRE(account);
    CHECK(account->place == "/accounts/0");
    CHECK(account->feature == Feature::folders);
}
