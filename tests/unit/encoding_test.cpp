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

namespace {

// The decoder as the RFC describes it, a symbol at a time: what the quad-at-a-time one must match.
std::optional<Bytes> reference_decode(std::string_view t, bool url, Quirks& q) {
    q = {};
    std::size_t end = t.size(), padding = 0;
    while (end > 0 && t[end - 1] == '=' && padding < 2) --end, ++padding;
    if ((padding > 0 && (end + padding) % 4 != 0) || end % 4 == 1) return std::nullopt;
    q.padded = padding > 0;
    static const std::string std_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    Bytes out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < end; ++i) {
        char c = t[i];
        if ((url && (c == '+' || c == '/')) || (!url && (c == '-' || c == '_'))) q.other_alphabet = true;
        if (c == '-') c = '+';
        if (c == '_') c = '/';
        const std::size_t v = std_alphabet.find(c);
        if (v == std::string::npos) return std::nullopt;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>(acc >> bits));
            acc &= (1u << bits) - 1;
        }
    }
    q.nonzero_trailing_bits = acc != 0;
    return out;
}

}  // namespace

TEST_CASE("base64 decoding agrees with a symbol-at-a-time decoder on random text", "[unit][encoding]") {
    const std::string symbols = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=!";
    std::uint32_t seed = 1;
    const auto next = [&] { return (seed = seed * 1103515245 + 12345) >> 16; };
    for (int round = 0; round < 20000; ++round) {
        std::string t(next() % 14, 'A');
        for (char& c : t) c = symbols[next() % (next() % 8 == 0 ? symbols.size() : 64)];  // mostly valid
        if (next() % 3 == 0) t += std::string(next() % 3, '=');
        for (const bool url : {false, true}) {
            CAPTURE(t, url);
            Quirks expected_quirks, quirks;
            const auto expected = reference_decode(t, url, expected_quirks);
            const auto got = url ? base64url_decode(t, &quirks) : base64_decode(t, &quirks);
            REQUIRE(got.has_value() == expected.has_value());
            if (!got) continue;
            CHECK(*got == *expected);
            CHECK(quirks.padded == expected_quirks.padded);
            CHECK(quirks.other_alphabet == expected_quirks.other_alphabet);
            CHECK(quirks.nonzero_trailing_bits == expected_quirks.nonzero_trailing_bits);
            const auto secure = url ? base64url_decode_secure(t) : base64_decode_secure(t);
            CHECK(Bytes(secure->begin(), secure->end()) == *expected);
        }
        // Into memory the caller has: exactly its size, or appended to what a Secret holds.
        Quirks ignored;
        const auto expected = reference_decode(t, false, ignored);
        const std::size_t size = next() % 12;
        Bytes exact(size, 0xAA);
        CHECK(base64_decode_exact(t, exact) == (expected && expected->size() == size));
        if (expected && expected->size() == size) CHECK(exact == *expected);
        crypto::Secret appended("kept");
        CHECK(base64_decode_append(t, appended) == expected.has_value());
        CHECK(appended.view() == "kept" + (expected ? std::string(expected->begin(), expected->end()) : ""));
    }
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
    // Every field's digits, from year 1 to 9999, with and without the milliseconds.
    for (std::int64_t t = -62135596800; t <= 253402300799; t += 86400 * 997 + 3671) {
        CAPTURE(t);
        const std::string plain = format_rfc3339(t, false);
        REQUIRE(plain.size() == 20);
        CHECK(parse_rfc3339(plain) == t);
        CHECK(format_rfc3339(t, true) == plain.substr(0, 19) + ".000Z");
    }
    CHECK(format_rfc3339(253402300800, false) == "10000-01-01T00:00:00Z");  // past four digits of year
    for (const char* bad : {"", "2024-06-01", "2024-13-01T00:00:00Z", "2024-06-01T24:00:00Z", "2024-06-01T09:00:00.Z",
                            "2024-06-01T09:00:00+0200", "2024-06-01T09:00:00ZZ", "2024/06/01T09:00:00Z", "２０２４-06-01T09:00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_rfc3339(bad));
    }
}
