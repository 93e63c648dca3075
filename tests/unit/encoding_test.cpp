// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "cxf/encoding/base64.h"
#include "cxf/encoding/rfc3339.h"

using namespace cxf;
using namespace cxf::encoding;

namespace {
Bytes bytes(std::string_view s) { return Bytes(s.begin(), s.end()); }
std::string text(const Bytes& b) { return std::string(b.begin(), b.end()); }
}  // namespace

TEST_CASE("base64url encodes RFC 4648 vectors without padding", "[unit][encoding]") {
    CHECK(base64url_encode(bytes("")) == "");
    CHECK(base64url_encode(bytes("f")) == "Zg");
    CHECK(base64url_encode(bytes("fo")) == "Zm8");
    CHECK(base64url_encode(bytes("foo")) == "Zm9v");
    CHECK(base64url_encode(bytes("foob")) == "Zm9vYg");
    CHECK(base64url_encode(bytes("fooba")) == "Zm9vYmE");
    CHECK(base64url_encode(bytes("foobar")) == "Zm9vYmFy");
    CHECK(base64url_encode(Bytes{0xfb, 0xff}) == "-_8");
    CHECK(base64_encode(Bytes{0xfb, 0xff}) == "+/8=");
    CHECK(base64_encode(bytes("f")) == "Zg==");
    CHECK(std::string(base64url_encode_secret(bytes("foobar")).view()) == "Zm9vYmFy");
}

TEST_CASE("base64url decoding is strict about characters and tolerant about padding", "[unit][encoding]") {
    Quirks q;
    CHECK(text(*base64url_decode("Zm9vYmE", &q)) == "fooba");
    CHECK_FALSE(q.any());

    SECTION("padding is accepted and noted") {
        CHECK(text(*base64url_decode("Zm9vYmE=", &q)) == "fooba");
        CHECK(q.padded);
        CHECK(text(*base64url_decode("Zg==", &q)) == "f");
        CHECK(q.padded);
    }
    SECTION("the standard alphabet is accepted and noted") {
        CHECK(*base64url_decode("+/8", &q) == Bytes{0xfb, 0xff});
        CHECK(q.other_alphabet);
        CHECK(*base64_decode("-_8", &q) == Bytes{0xfb, 0xff});
        CHECK(q.other_alphabet);
    }
    SECTION("non-zero trailing bits are accepted and noted") {
        CHECK(text(*base64url_decode("Zh", &q)) == "f");
        CHECK(q.nonzero_trailing_bits);
    }
    SECTION("impossible input is refused") {
        CHECK_FALSE(base64url_decode("Z"));          // one symbol cannot make a byte
        CHECK_FALSE(base64url_decode("Zm9v!"));      // not in either alphabet
        CHECK_FALSE(base64url_decode("Zm 9v"));      // no spaces
        CHECK_FALSE(base64url_decode("Zg="));        // padding that does not complete a quad
        CHECK_FALSE(base64url_decode("Zg==="));      // too much padding
        CHECK_FALSE(base64url_decode("Z=g="));       // padding in the middle
    }
    SECTION("empty text is zero bytes") { CHECK(base64url_decode("")->empty()); }
}

TEST_CASE("base32 follows RFC 4648 section 6 and tolerates what TOTP apps accept", "[unit][encoding]") {
    CHECK(base32_encode(bytes("")) == "");
    CHECK(base32_encode(bytes("f")) == "MY");
    CHECK(base32_encode(bytes("fo")) == "MZXQ");
    CHECK(base32_encode(bytes("foo")) == "MZXW6");
    CHECK(base32_encode(bytes("foob")) == "MZXW6YQ");
    CHECK(base32_encode(bytes("fooba")) == "MZXW6YTB");
    CHECK(base32_encode(bytes("foobar")) == "MZXW6YTBOI");

    Quirks q;
    auto decoded = base32_decode("MZXW6YTBOI", &q);
    REQUIRE(decoded);
    CHECK(std::string(decoded->begin(), decoded->end()) == "foobar");
    CHECK_FALSE(q.any());

    decoded = base32_decode("mzxw 6ytb oi======", &q);
    REQUIRE(decoded);
    CHECK(std::string(decoded->begin(), decoded->end()) == "foobar");
    CHECK(q.lowercase_or_spaces);
    CHECK(q.padded);

    CHECK_FALSE(base32_decode("MZXW1"));       // '1' is not base32
    CHECK_FALSE(base32_decode("M"));           // 5 bits: no whole byte
    CHECK_FALSE(base32_decode("MZX"));         // 15 bits is not a valid length
    CHECK_FALSE(base32_decode("MY==MY"));      // data after padding
}

TEST_CASE("hex round-trips and refuses odd or foreign input", "[unit][encoding]") {
    CHECK(hex_encode(Bytes{0x00, 0xab, 0xff}) == "00abff");
    CHECK(*hex_decode("00ABff") == Bytes{0x00, 0xab, 0xff});
    CHECK_FALSE(hex_decode("abc"));
    CHECK_FALSE(hex_decode("zz"));
}

TEST_CASE("RFC 3339 date-times read to Unix seconds and write back", "[unit][encoding]") {
    using encoding::format_rfc3339;
    using encoding::parse_rfc3339;
    CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0);
    CHECK(parse_rfc3339("2024-06-01T09:00:00.000Z") == 1717232400);
    CHECK(parse_rfc3339("2024-06-01t09:00:00.123456z") == 1717232400);
    CHECK(parse_rfc3339("2024-06-01 09:00:00") == 1717232400);  // no zone: UTC
    CHECK(parse_rfc3339("2024-06-01T11:30:00+02:30") == 1717232400);
    CHECK(parse_rfc3339("2024-02-29T00:00:00Z") == 1709164800);
    CHECK(parse_rfc3339("1969-12-31T23:59:59Z") == -1);
    CHECK(parse_rfc3339("0001-01-01T00:00:00Z") == -62135596800);
    CHECK(format_rfc3339(1717232400, true) == "2024-06-01T09:00:00.000Z");
    CHECK(format_rfc3339(-1, false) == "1969-12-31T23:59:59Z");
    CHECK(format_rfc3339(-62135596800, false) == "0001-01-01T00:00:00Z");
    for (const std::int64_t t : {std::int64_t{0}, std::int64_t{951782400}, std::int64_t{253402300799}})
        CHECK(parse_rfc3339(format_rfc3339(t, false)) == t);
    for (const char* bad : {"", "2024-06-01", "2024-13-01T00:00:00Z", "2024-06-01T24:00:00Z", "2024-06-01T09:00:00.Z",
                            "2024-06-01T09:00:00+0200", "2024-06-01T09:00:00ZZ", "2024/06/01T09:00:00Z", "２０２４-06-01T09:00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_rfc3339(bad));
    }
}
