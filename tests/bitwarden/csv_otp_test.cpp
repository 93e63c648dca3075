// SPDX-License-Identifier: MIT
// The shared text modules the Bitwarden formats use: RFC 4180 CSV and otpauth:// TOTP.
#include <catch2/catch.hpp>

#include "cxf/csv/csv.h"
#include "cxf/io/output.h"
#include "cxf/otp/otpauth.h"

using namespace cxf;

namespace {

std::vector<std::vector<std::string>> all_rows(std::string_view text, const Limits& limits = {}) {
    csv::Reader reader(text, "t.csv", limits);
    std::vector<std::vector<std::string>> out;
    while (const auto row = reader.next()) {
        auto& r = out.emplace_back();
        for (const crypto::Secret& c : row->cells) r.emplace_back(c.view());
    }
    return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("CSV cells: quotes, doubled quotes, line breaks, empty cells, CRLF, CR and a BOM", "[bitwarden][csv]") {
    CHECK(all_rows("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n") == Rows{{"a", "b"}, {"x, y", "say \"hi\""}});
    CHECK(all_rows("a,\"two\nlines\",\n,,") == Rows{{"a", "two\nlines", ""}, {"", "", ""}});
    CHECK(all_rows("\xEF\xBB\xBFh\ra\r") == Rows{{"h"}, {"a"}});
    CHECK(all_rows("ab\"c,d") == Rows{{"ab\"c", "d"}});  // a stray quote inside a cell is kept
}

TEST_CASE("CSV records know their first line, also after multi-line cells", "[bitwarden][csv]") {
    csv::Reader reader("h\n\"1\n2\r\n3\"\nx\n", "t", {});
    CHECK(reader.next()->line == 1);
    CHECK(reader.next()->line == 2);
    CHECK(reader.next()->line == 5);
    CHECK_FALSE(reader.next());
}

TEST_CASE("CSV limits: cell size and column count", "[bitwarden][csv]") {
    Limits small;
    small.max_string_bytes = 4;
    CHECK_THROWS_MATCHES(all_rows("ok,toolong\n", small), Error, Catch::Predicate<Error>([](const Error& e) {
                             return e.code() == Errc::limit_exceeded && e.where().place == "line 1, column 2";
                         }));
    CHECK_THROWS_MATCHES(all_rows(std::string(csv::max_columns + 1, ',')), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == Errc::limit_exceeded; }));
}

TEST_CASE("CSV writer quotes only what needs it and reads back the same", "[bitwarden][csv]") {
    io::MemoryOutput out;
    csv::Writer writer(out);
    const std::string_view row[] = {"plain", "a,b", "say \"x\"", "two\nlines", " padded", ""};
    writer.row(row);
    const std::string text(as_text(out.bytes()));
    CHECK(text == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\" padded\",\r\n");
    CHECK(all_rows(text) == Rows{{"plain", "a,b", "say \"x\"", "two\nlines", " padded", ""}});
}

TEST_CASE("otpauth URIs and bare secrets become TOTP credentials", "[bitwarden][otp]") {
    const auto full = otp::parse("otpauth://totp/ACME%20Co:john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"
                                 "&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60");
    REQUIRE(full);
    CHECK(full->secret.view() == "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ");
    CHECK(full->issuer == "ACME Co");
    CHECK(full->username == "john.doe@email.com");
    CHECK(full->algorithm == "sha256");
    CHECK((full->digits == 8 && full->period == 60));
    CHECK_FALSE(otp::is_plain(*full));
    const auto again = otp::parse(otp::to_uri(*full).view());
    REQUIRE(again);
    CHECK((again->secret == full->secret && again->issuer == full->issuer && again->username == full->username &&
           again->algorithm == full->algorithm && again->digits == 8 && again->period == 60));

    const auto label_only = otp::parse_uri("OTPAUTH://TOTP/Example: alice?secret=JBSWY3DPEHPK3PXP");
    REQUIRE(label_only);
    CHECK((label_only->issuer == "Example" && label_only->username == "alice"));

    const auto bare = otp::parse("jbsw y3dp ehpk 3pxp");
    REQUIRE(bare);
    CHECK(bare->secret.view() == "jbsw y3dp ehpk 3pxp");  // as given; CXF writes it canonically
    CHECK(otp::is_plain(*bare));

    CHECK_FALSE(otp::parse("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1"));
    CHECK_FALSE(otp::parse("otpauth://totp/Steam:me?secret=JBSWY3DPEHPK3PXP&encoder=steam"));
    CHECK_FALSE(otp::parse("otpauth://totp/x?issuer=y"));
    CHECK_FALSE(otp::parse("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six"));
    CHECK_FALSE(otp::parse("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=11"));
    CHECK(otp::parse("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=10"));
    CHECK_FALSE(otp::parse("otpauth://totp/x?secret=not!base32"));  // kept as text by the importers
    CHECK(otp::same_secret(crypto::Secret("JBSWY3DPEHPK3PXP"), crypto::Secret("jbsw y3dp ehpk 3pxp")));
    CHECK_FALSE(otp::same_secret(crypto::Secret("JBSWY3DPEHPK3PXP"), crypto::Secret("JBSWY3DPEHPK3PXQ")));
    CHECK_FALSE(otp::parse("steam://JBSWY3DPEHPK3PXP"));
    CHECK_FALSE(otp::parse("1019"));
    CHECK(otp::to_uri(*bare, "fallback").view() == "otpauth://totp/fallback?secret=jbsw%20y3dp%20ehpk%203pxp");
}
