// SPDX-License-Identifier: MIT
// CSV in a legacy code page: read with an encoding named, refused with the place and a hint without
// one, and an encoding iconv does not know is a usage error.
#include <catch2/catch.hpp>

#include "cxf/csv/encoding.h"
#include "tests/browser_csv/support.h"
#include "tests/support/vault_lookup.h"

using namespace cxf;
using namespace browser_test;

namespace {

ReadOptions with_encoding(std::string name) {
    ReadOptions options;
    options.encoding = std::move(name);
    return options;
}

}  // namespace

TEST_CASE("a Windows-1252 Chrome export reads with its encoding named", "[browser-csv][encoding]") {
    Report report;
    const Vault vault = read_fixture("chrome-csv", chrome_1252_sample, report, with_encoding("windows-1252"));
    const Item& cafe = test::item_titled(vault, "caf\u00e9.example");
    CHECK(cafe.scope->urls == std::vector<std::string>{"https://caf\u00e9.example/"});
    CHECK(test::value(test::only<BasicAuth>(cafe).username) == "ren\u00e9e");
    CHECK(test::value(test::only<BasicAuth>(cafe).password) == "\u20ac100-cr\u00e8me");
    CHECK(test::value(test::only<Note>(cafe).content) == "d\u00e9j\u00e0 vu");

    // ISO-8859-1 has no '€': 0x80 is a control character there, not the euro sign.
    Report latin;
    const Vault as_latin1 = read_fixture("chrome-csv", chrome_1252_sample, latin, with_encoding("latin1"));
    CHECK(test::value(test::only<BasicAuth>(test::item_titled(as_latin1, "caf\u00e9.example")).password) == "\u0080100-cr\u00e8me");
}

TEST_CASE("a CSV that is not UTF-8 is refused at its line and column, pointing to the encoding option", "[browser-csv][encoding]") {
    for (const std::string_view format : {"chrome-csv", "bitwarden-csv"}) {
        CAPTURE(format);
        Report report;
        try {
            read_fixture(format, chrome_1252_sample, report);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.where().place == "line 2, column 1");
            CHECK(e.code() == Errc::malformed);
            CHECK_THAT(e.what(), Catch::Contains("not valid UTF-8") && Catch::Contains("`encoding`"));
        }
    }
    // The line of a later row.
    Report report;
    try {
        read_text("apple-csv", "Title,URL,Username,Password,Notes,OTPAuth\na,b,c,d,,\na,b,c,d\xE9,,\n", report);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().place == "line 3, column 4");
    }
}

TEST_CASE("encodings: names iconv knows, an unknown one, bytes that are not text in the named one", "[browser-csv][encoding]") {
    CHECK(csv::known_encoding("windows-1252"));
    CHECK(csv::known_encoding("LATIN1"));
    CHECK(csv::known_encoding("UTF-16"));
    CHECK_FALSE(csv::known_encoding("klingon-1"));
    CHECK_FALSE(csv::known_encoding("latin1//TRANSLIT"));
    CHECK_FALSE(csv::known_encoding(""));

    Report report;
    try {
        read_text("apple-csv", "Title,URL,Username,Password\n", report, with_encoding("klingon-1"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::usage);
    }
    // 0x81 is unassigned in Windows-1252: the place is its line.
    try {
        read_text("apple-csv", "Title,URL,Username,Password\nA,b,c,d\nx\x81,,,\n", report, with_encoding("windows-1252"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().place == "line 3");
        CHECK_THAT(e.what(), Catch::Contains("offset 37") && Catch::Contains("windows-1252"));
    }
    // UTF-16 with its byte order mark: the BOM is taken by iconv, the text read.
    const std::u16string wide = u"\uFEFFname,url,username,password\nw,https://w.example/,\u00fc,p\n";
    const std::string bytes(reinterpret_cast<const char*>(wide.data()), wide.size() * 2);
    const Vault vault = read_text("chrome-csv", bytes, report, with_encoding("UTF-16"));
    CHECK(test::value(test::only<BasicAuth>(vault.accounts[0].items[0]).username) == "\u00fc");
}

TEST_CASE("the UTF-8 text of an encoded input is bounded by the input limit", "[browser-csv][encoding]") {
    Limits limits;
    limits.max_input_bytes = 10;
    const std::string latin = "\xe9\xe9\xe9\xe9\xe9\xe9";  // 6 bytes, 12 in UTF-8
    try {
        csv::Utf8Text text(as_bytes(latin), "latin1", "t", limits);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::limit_exceeded);
    }
    limits.max_input_bytes = 12;
    CHECK(csv::Utf8Text(as_bytes(latin), "latin1", "t", limits).view() == "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9");
}
