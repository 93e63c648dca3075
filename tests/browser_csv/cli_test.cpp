// SPDX-License-Identifier: MIT
// The browser CSV formats through the real `cxf` program: each read into CXF that validates, CXF
// written as each with its losses listed, --encoding and the error for a file that is not UTF-8.
#include <catch2/catch.hpp>

#include "tests/browser_csv/support.h"
#include "tests/cli/cli_run.h"
#include "tests/support/testdata.h"

using test::run_cxf;
using namespace browser_test;

TEST_CASE("cxf convert reads each browser CSV into CXF that validates", "[browser-csv][cli]") {
    const test::TempDir dir;
    const std::pair<std::string_view, std::string_view> samples[] = {
        {apple_sample, "read 5 items"}, {chrome_sample, "read 14 items"}, {firefox_sample, "read 14 items"}};
    for (const auto& [sample, count] : samples) {
        CAPTURE(sample);
        const auto convert = run_cxf(dir, "convert " + test::testdata(sample) + " out.cxf --force");
        CAPTURE(convert.err);
        REQUIRE(convert.exit_code == 0);
        CHECK_THAT(convert.err, Catch::Contains(std::string(count)));
        const auto validate = run_cxf(dir, "validate out.cxf");
        CAPTURE(validate.out);
        CHECK(validate.exit_code == 0);
    }
}

TEST_CASE("cxf convert writes CXF as each browser CSV, by extension, listing what it cannot hold", "[browser-csv][cli]") {
    const test::TempDir dir;
    const std::string cxf = test::testdata("cxf/spec-appendix-a-32-byte-hash.json");
    const std::pair<std::string_view, std::string_view> outputs[] = {
        {"out.apple.csv", "Title,URL,Username,Password,Notes,OTPAuth\r\n"},
        {"out.chrome.csv", "name,url,username,password,note\r\n"},
        {"out.firefox.csv", "\"url\",\"username\",\"password\","}};
    for (const auto& [name, header] : outputs) {
        CAPTURE(name);
        const auto convert = run_cxf(dir, "convert " + cxf + " " + std::string(name));
        CAPTURE(convert.err);
        REQUIRE(convert.exit_code == 0);
        CHECK_THAT(convert.err, Catch::Contains("passkey") && Catch::Contains("attachment:example-document.pdf"));
        CHECK_THAT(convert.err, !Catch::Contains("securepassword123"));
        const std::string written = test::read_text(dir.path(name));
        CHECK(written.starts_with(header));
        CHECK_THAT(written, Catch::Contains("securepassword123"));
    }
    const auto strict = run_cxf(dir, "convert " + cxf + " strict.chrome.csv --strict");
    CHECK(strict.exit_code == 4);
}

TEST_CASE("cxf convert Chrome CSV → Firefox CSV → Chrome CSV keeps every login", "[browser-csv][cli]") {
    const test::TempDir dir;
    REQUIRE(run_cxf(dir, "convert " + test::testdata(chrome_sample) + " mid.firefox.csv").exit_code == 0);
    const auto back = run_cxf(dir, "convert mid.firefox.csv back.chrome.csv");
    CAPTURE(back.err);
    REQUIRE(back.exit_code == 0);
    const Rows rows = rows_of(test::read_text(dir.path("back.chrome.csv")));
    CHECK(rows.size() == 15);
    CHECK(rows[1][1] == "https://mastodon.social/");
    CHECK(rows[1][3] == "D<INNeT?#?Bf4%`zA/4i!/'$T");
}

TEST_CASE("a legacy code page reads with the encoding flag, and without it the error names the place and the flag", "[browser-csv][cli][encoding]") {
    const test::TempDir dir;
    const std::string sample = test::testdata(chrome_1252_sample);
    const auto plain = run_cxf(dir, "convert " + sample + " out.cxf");
    CHECK(plain.exit_code == 1);
    CHECK_THAT(plain.err, Catch::Contains("line 2, column 1") && Catch::Contains("--encoding NAME"));
    CHECK_THAT(plain.err, !Catch::Contains("cr\xe8me"));

    const auto encoded = run_cxf(dir, "convert " + sample + " out.cxf --encoding windows-1252");
    CAPTURE(encoded.err);
    REQUIRE(encoded.exit_code == 0);
    CHECK_THAT(test::read_text(dir.path("out.cxf")), Catch::Contains("\u20ac100-cr\u00e8me"));

    const auto unknown = run_cxf(dir, "convert " + sample + " other.cxf --encoding klingon-1");
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("--encoding klingon-1"));
    const auto not_csv = run_cxf(dir, "convert " + test::testdata("cxf/spec-appendix-a-32-byte-hash.json") + " x.chrome.csv --encoding latin1");
    CHECK(not_csv.exit_code == 2);
    CHECK_THAT(not_csv.err, Catch::Contains("--encoding is an option of"));
}

TEST_CASE("cxf formats lists the browser formats with what each carries", "[browser-csv][cli]") {
    const test::TempDir dir;
    const auto r = run_cxf(dir, "formats");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("apple-csv     carries: logins totp notes\n"));
    CHECK_THAT(r.out, Catch::Contains("chrome-csv    carries: logins notes\n"));
    CHECK_THAT(r.out, Catch::Contains("firefox-csv   carries: logins timestamps\n"));
}
