// SPDX-License-Identifier: MIT
// 1Password CSV through the real `cxf` program, both directions: CSV → CXF that validates, CXF →
// .1password.csv with the loss summary, and --from/--to naming the format.
#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"
#include "tests/onepassword_csv/support.h"
#include "tests/support/testdata.h"

using test::run_cxf;

TEST_CASE("cxf convert reads both 1Password CSV layouts into CXF that validates", "[1password-csv][cli]") {
    const test::TempDir dir;
    for (const std::string_view sample : {opcsv_test::sample8, opcsv_test::sample7}) {
        CAPTURE(sample);
        const auto convert = run_cxf(dir, "convert " + test::testdata(sample) + " out.cxf --force");
        CAPTURE(convert.err);
        REQUIRE(convert.exit_code == 0);
        CHECK_THAT(convert.err, Catch::Contains("read 14 items") && Catch::Contains("(1password-csv)"));
        const auto validate = run_cxf(dir, "validate out.cxf");
        CAPTURE(validate.out);
        CHECK(validate.exit_code == 0);
        CHECK_THAT(validate.out, Catch::Contains("out.cxf: valid (0 error(s)"));
    }
}

TEST_CASE("cxf convert writes a .1password.csv and lists what it could not carry", "[1password-csv][cli]") {
    const test::TempDir dir;
    const auto convert = run_cxf(dir, "convert " + test::testdata("cxf/spec-appendix-a-32-byte-hash.json") + " out.1password.csv");
    CAPTURE(convert.err);
    REQUIRE(convert.exit_code == 0);
    CHECK_THAT(convert.err, Catch::Contains("(1password-csv)"));
    CHECK_THAT(convert.err, Catch::Contains("lost: /accounts/0/items/1/credentials/0 (item 'WebAuthn.io') passkey:"));
    CHECK_THAT(convert.err, Catch::Contains("attachment:example-document.pdf"));
    CHECK_THAT(convert.err, !Catch::Contains("securepassword123"));
    const std::string written = test::read_text(dir.path("out.1password.csv"));
    CHECK(written.starts_with("Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\r\n"));

    const auto strict = run_cxf(dir, "convert " + test::testdata("cxf/spec-appendix-a-32-byte-hash.json") + " strict.1password.csv --strict");
    CHECK(strict.exit_code != 0);
    CHECK(test::list_dir(dir.root().string()) == std::vector<std::string>{"out.1password.csv"});
}

TEST_CASE("1password-csv named with --from and --to", "[1password-csv][cli]") {
    const test::TempDir dir;
    test::write_file(dir.path("in.txt"), test::read_text(test::testdata(opcsv_test::sample8)));
    const auto to_csv = run_cxf(dir, "convert --from 1password-csv in.txt --to 1password-csv out.csv");
    CAPTURE(to_csv.err);
    REQUIRE(to_csv.exit_code == 0);
    // The awkward password (a comma and a space in it) is quoted.
    CHECK_THAT(test::read_text(dir.path("out.csv")), Catch::Contains("\"ws5T@;_UB[Q|P!8'`~z%XC'JHFUbf#IX _E0}:HF,[{ei0hBg14\""));

    // Named as 1Password CSV, a Bitwarden CSV is refused at its header.
    const auto wrong = run_cxf(dir, "convert --from 1password-csv " + test::testdata("bitwarden/pass-import-bitwarden-other.csv") + " x.cxf");
    CHECK(wrong.exit_code != 0);
    CHECK_THAT(wrong.err, Catch::Contains("line 1") && Catch::Contains("not a 1Password CSV header"));
}

TEST_CASE("cxf formats lists 1password-csv in both directions", "[1password-csv][cli]") {
    const test::TempDir dir;
    const auto r = run_cxf(dir, "formats");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("1password-csv   yes    yes    1Password CSV export"));
    CHECK_THAT(r.out, Catch::Contains("1password-csv carries: logins totp notes folders tags"));
}
