// SPDX-License-Identifier: MIT
// Dashlane's files are detected by content (a zip's first entry, a CSV header, the JSON's upper-case
// sections), and no other format's file is taken for one.
#include <catch2/catch.hpp>

#include "cxf/formats/registry.h"
#include "tests/dashlane/support.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

std::string detected(std::string_view text) {
    try {
        return std::string(detect_format(Input{"x", crypto::SecureBytes(text.begin(), text.end())}).id);
    } catch (const Error&) {
        return "none";
    }
}

Confidence confidence(std::string_view id, std::string_view text) { return find_format(id)->detect(as_bytes(text), "x"); }

}  // namespace

TEST_CASE("Dashlane's exports are detected as theirs", "[dashlane][detection]") {
    CHECK(detected(test::read_text(test::testdata(dashlane_test::zip_sample))) == "dashlane");
    CHECK(detected(test::read_text(test::testdata("dashlane/proton-dashlane-credentials.csv"))) == "dashlane");
    CHECK(detected(test::read_text(test::testdata("dashlane/proton-dashlane-payments.csv"))) == "dashlane");
    CHECK(detected(test::read_text(test::testdata("dashlane/synthetic-ids.csv"))) == "dashlane");
    CHECK(detected(test::read_text(test::testdata(dashlane_test::json_sample))) == "dashlane-json");
    CHECK(confidence("dashlane", dashlane_test::zip_of({{"export-2024.csv", "title,note\r\n"}})) == Confidence::maybe);
    CHECK(confidence("dashlane", dashlane_test::zip_of({{"notes.txt", "x"}})) == Confidence::no);
    for (const std::string_view other : {"apple-csv", "chrome-csv", "firefox-csv", "1password-csv", "bitwarden-csv"})
        CHECK(confidence(other, test::read_text(test::testdata("dashlane/proton-dashlane-credentials.csv"))) == Confidence::no);
}

TEST_CASE("Other formats' files and near-Dashlane headers are not taken for Dashlane's", "[dashlane][detection]") {
    for (const std::string_view fixture :
         {"csv/pass-import-chrome.csv", "csv/pass-import-firefox.csv", "csv/synthetic-apple.csv", "bitwarden/pass-import-bitwarden.csv",
          "1password/pass-import-1password8.csv", "bitwarden/pass-import-bitwarden-org.json", "1password/synthetic-legacy-shape.1pux",
          "dashlane/pass-import-dashlane.csv"}) {
        CAPTURE(fixture);
        const std::string text = test::read_text(test::testdata(fixture));
        CHECK(confidence("dashlane", text) == Confidence::no);
        CHECK(confidence("dashlane-json", text) == Confidence::no);
    }
    // A column Dashlane does not write, or one of its required ones missing.
    CHECK(confidence("dashlane", "username,title,password,note,url,extra\n") == Confidence::no);
    CHECK(confidence("dashlane", "username,title,password,url\n") == Confidence::no);
    CHECK(confidence("dashlane-json", R"({"accounts": []})") == Confidence::no);
}
