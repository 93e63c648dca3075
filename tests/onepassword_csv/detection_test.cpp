// SPDX-License-Identifier: MIT
// 1Password's CSV is recognised by its header row alone, apart from Bitwarden's CSV; its output
// extension is .1password.csv.
#include <catch2/catch.hpp>

#include "cxf/formats/registry.h"
#include "tests/onepassword_csv/support.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

Input text_input(std::string_view text) { return Input{"x.csv", crypto::SecureBytes(text.begin(), text.end())}; }

}  // namespace

TEST_CASE("both 1Password layouts are detected, and Bitwarden's CSV stays Bitwarden's", "[1password-csv][detect]") {
    CHECK(detect_format(test::read_testdata(opcsv_test::sample8)).id == "1password-csv");
    CHECK(detect_format(test::read_testdata(opcsv_test::sample7)).id == "1password-csv");
    CHECK(detect_format(test::read_testdata("bitwarden/pass-import-bitwarden-other.csv")).id == "bitwarden-csv");
    CHECK(detect_format(test::read_testdata("bitwarden/pass-import-bitwarden-org.csv")).id == "bitwarden-csv");
    // With a byte order mark, quoted names and CRLF, as spreadsheets save it.
    CHECK(detect_format(text_input("\xEF\xBB\xBF\"Title\",\"Url\",\"Username\",\"Password\",\"OTPAuth\",\"Notes\"\r\n")).id ==
          "1password-csv");

    const Format& onepassword = *find_format("1password-csv");
    // Lower-case names are another CSV's (a generic export, Bitwarden's login_ columns).
    CHECK(onepassword.detect(as_bytes("title,url,username,password,otpauth\n"), "") == Confidence::no);
    CHECK(onepassword.detect(as_bytes("folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"), "") ==
          Confidence::no);
    CHECK(find_format("bitwarden-csv")->detect(as_bytes(opcsv_test::header8), "") == Confidence::no);
    // A header cut off inside a quoted name is not a guess.
    CHECK(onepassword.detect(as_bytes("Title,Url,Username,Password,\"OTP"), "") == Confidence::no);
}

TEST_CASE("the .1password.csv extension selects the format but a bare .csv does not", "[1password-csv][detect]") {
    const Format* format = format_for_path("vault.1password.csv");
    REQUIRE(format);
    CHECK(format->id == "1password-csv");
    CHECK(format_for_path("vault.bitwarden.csv")->id == "bitwarden-csv");
    CHECK_FALSE(format_for_path("vault.csv"));
}
