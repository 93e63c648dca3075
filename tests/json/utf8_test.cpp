// SPDX-License-Identifier: MIT
// valid_utf8 (RFC 3629) and replace_invalid_utf8, which puts U+FFFD for each byte that is not UTF-8.
#include <catch2/catch.hpp>

#include "cxf/json/utf8.h"

using cxf::json::replace_invalid_utf8;
using cxf::json::valid_utf8;

TEST_CASE("valid_utf8 takes RFC 3629 UTF-8 only", "[unit][json]") {
    CHECK(valid_utf8(""));
    CHECK(valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x94\x91"));
    CHECK_FALSE(valid_utf8("caf\xE9"));            // Latin-1
    CHECK_FALSE(valid_utf8("\xC0\xAF"));           // overlong '/'
    CHECK_FALSE(valid_utf8("\xED\xA0\x80"));       // a surrogate
    CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));   // above U+10FFFF
    CHECK_FALSE(valid_utf8("\xE2\x82"));           // cut short
}

TEST_CASE("valid_utf8 answers the same wherever the sequence sits among ASCII", "[unit][json]") {
    const std::pair<std::string, bool> samples[] = {
        {"\xC3\xA9", true}, {"\xF0\x9F\x94\x91", true}, {"\xE9", false}, {"\xC0\xAF", false},
        {"\xED\xA0\x80", false}, {"\xE2\x82", false}, {"\x80", false},
    };
    for (const auto& [sample, valid] : samples)
        for (std::size_t before = 0; before <= 17; ++before)
            for (std::size_t after = 0; after <= 17; after += 3) {
                INFO(before << " ASCII bytes before, " << after << " after");
                CHECK(valid_utf8(std::string(before, 'a') + sample + std::string(after, 'b')) == valid);
            }
}

TEST_CASE("replace_invalid_utf8 keeps UTF-8 and replaces each stray byte", "[unit][json]") {
    CHECK(replace_invalid_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(replace_invalid_utf8("in\xFF.json") == "in\xEF\xBF\xBD.json");
    CHECK(replace_invalid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(valid_utf8(replace_invalid_utf8("\xC0\xAF\xED\xA0\x80 ok")));
}
