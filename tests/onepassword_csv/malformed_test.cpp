// SPDX-License-Identifier: MIT
// Damaged 1Password CSV stops with cxf::Error (malformed) at "line N, column M"; values never appear
// in the message.
#include <catch2/catch.hpp>

#include "cxf/error.h"
#include "tests/onepassword_csv/support.h"

using namespace cxf;

namespace {

void check_error(std::string_view text, std::string_view place, std::string_view message) {
    Report report;
    try {
        opcsv_test::read_text(text, report);
        FAIL("no error for: " << text);
    } catch (const Error& e) {
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().file == "t.csv");
        CHECK(e.where().place == place);
        CHECK_THAT(e.what(), Catch::Contains(std::string(message)));
        CHECK_THAT(e.what(), !Catch::Contains("s3cr3t"));
    }
}

std::string with_header(std::string_view rows) { return std::string(opcsv_test::header8) + std::string(rows); }

}  // namespace

TEST_CASE("damaged 1Password CSV gives an error at its line and column", "[1password-csv][malformed]") {
    SECTION("an unclosed quote, named where it opens") {
        check_error(with_header("a,,u,s3cr3t,,false,false,,\nb,,u,\"s3cr3t,,false,false,,\n"), "line 3, column 4",
                    "never closed");
    }
    SECTION("too few cells, after a cell over two lines") {
        check_error(with_header("a,,u,p,,false,false,,\"two\nlines\"\nb,,u,s3cr3t\n"), "line 4, column 5",
                    "expected 9 cells, as the header has, got 4");
    }
    SECTION("too many cells") {
        check_error(with_header("a,,u,s3cr3t,,false,false,,,extra\n"), "line 2, column 10", "got 10");
    }
    SECTION("text after a closing quote") {
        check_error(with_header("a,,u,\"s3\"cr3t,,false,false,,\n"), "line 2, column 4", "after the closing quote");
    }
    SECTION("invalid UTF-8") {
        check_error(with_header("a,,u,\xff\xfe,,false,false,,\n"), "line 2, column 4", "not valid UTF-8");
    }
    SECTION("no header") { check_error("", "line 1", "no header"); }
    SECTION("another CSV's header") {
        check_error("url,username,password\nx,y,s3cr3t\n", "line 1", "not a 1Password CSV header");
    }
}

TEST_CASE("odd flag values and OTPAuth text are kept and reported, never failed on", "[1password-csv]") {
    Report report;
    const Vault vault = opcsv_test::read_text(with_header("a,,u,p,x@y!,yes,maybe,,\n"), report);
    const Item& item = vault.accounts[0].items.at(0);
    CHECK_FALSE(item.favorite);
    CHECK(onepux_test::count(report, NoticeKind::changed, "'Favorite' is neither true nor false") == 1);
    CHECK(onepux_test::count(report, NoticeKind::changed, "'Archived' is neither true nor false") == 1);
    CHECK(onepux_test::count(report, NoticeKind::changed, "neither an otpauth:// URI nor a Base32 secret") == 1);
    CHECK(onepux_test::fields_of(onepux_test::only<CustomFields>(item)) ==
          std::vector<std::string>{"OTPAuth=concealed-string:x@y!"});
    for (const Notice& n : report.notices()) CHECK_THAT(n.message, !Catch::Contains("x@y!"));
}
