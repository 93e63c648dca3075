// SPDX-License-Identifier: MIT
// Writing the kitchen sink as each browser CSV: the report names, by item and feature, what the format
// cannot hold, never a value; what it can hold is written.
#include <catch2/catch.hpp>

#include "cxf/cxf_json/cxf_json.h"
#include "tests/browser_csv/support.h"
#include "tests/cxf_json/kitchen_sink.h"

using namespace cxf;
using namespace browser_test;

namespace {

constexpr std::string_view item = "Login with everything";

Vault sink() {
    Report report;
    return cxf_json::read(test::kitchen_sink_cxf, "sink", {}, report);
}

// The lost notice about `field` of the kitchen sink's login, checked to name `feature`.
void check_lost(const Report& report, std::string_view field, Feature feature, bool detail = false) {
    CAPTURE(field);
    const Notice* n = notice(report, NoticeKind::lost, item, field);
    REQUIRE(n);
    CHECK(n->feature == feature);
    CHECK(n->detail == detail);
}

}  // namespace

TEST_CASE("every browser CSV names the passkey, history, custom fields, tags and foreign extensions it drops",
          "[browser-csv][losses]") {
    for (const std::string_view format : {"apple-csv", "chrome-csv", "firefox-csv"}) {
        CAPTURE(format);
        Report report;
        const std::string text = write_text(format, sink(), report);
        check_lost(report, "passkey", Feature::passkeys);
        check_lost(report, "history", Feature::history);
        check_lost(report, "custom-fields:Extra", Feature::custom_fields);
        check_lost(report, "tags", Feature::tags);
        check_lost(report, "credential:future-credential", Feature::unknown_data);
        check_lost(report, "extension:exporter.example.com/usage", Feature::unknown_data);
        check_lost(report, "label:username", Feature::logins, true);
        CHECK(has_message(report, NoticeKind::skipped, "holds only logins"));
        for (const Notice& n : report.notices()) {
            CAPTURE(n.message);
            CHECK_THAT(n.message, !Catch::Contains("w0rd"));
        }
        // The login itself is written.
        CHECK_THAT(text, Catch::Contains("https://example.com/login"));
    }
}

TEST_CASE("each browser CSV reports what only it lacks", "[browser-csv][losses]") {
    Report apple, chrome, firefox;
    write_text("apple-csv", sink(), apple);
    write_text("chrome-csv", sink(), chrome);
    write_text("firefox-csv", sink(), firefox);

    check_lost(apple, "timestamps", Feature::timestamps);
    check_lost(chrome, "timestamps", Feature::timestamps);
    CHECK_FALSE(notice(firefox, NoticeKind::lost, item, "timestamps"));

    CHECK_FALSE(notice(apple, NoticeKind::lost, item, "totp"));
    check_lost(chrome, "totp", Feature::totp);
    check_lost(firefox, "totp", Feature::totp);

    check_lost(firefox, "note", Feature::notes);
    CHECK_FALSE(notice(chrome, NoticeKind::lost, item, "note"));

    // Android apps: Chrome writes them (losing the app's display name), the others cannot.
    check_lost(apple, "android-app:com.example.app", Feature::logins, true);
    check_lost(firefox, "android-app:com.example.app", Feature::logins, true);
    check_lost(chrome, "android-app:com.example.app", Feature::logins, true);
    CHECK(has_message(chrome, NoticeKind::changed, "Chrome matches apps by their SHA-512 hash"));

    // Firefox has no title: one that is not the website's host is lost.
    check_lost(firefox, "title", Feature::logins, true);
}
