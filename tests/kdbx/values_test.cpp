// SPDX-License-Identifier: MIT
// The small codecs: KDBX dates, booleans, UUIDs, tags, VariantDictionary, key files, composite keys.
#include <catch2/catch.hpp>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/kdbx/keys.h"
#include "cxf/kdbx/variant_map.h"
#include "cxf/kdbx/xml_values.h"
#include "tests/kdbx/kdbx_support.h"

using namespace test::kdbx;
using namespace cxf::kdbx::detail;

TEST_CASE("KDBX dates: base64 seconds since year 1 and ISO 8601", "[kdbx]") {
    // kdbx.md §2: "00ae1w4AAAA=" is 63747016403 s = 2021-01-23 16:33:23.
    CHECK(parse_time("00ae1w4AAAA=") == Time{63747016403});
    CHECK(parse_time("2021-01-23T16:33:23Z") == Time{63747016403});
    CHECK(format_time(Time{63747016403}, true) == "00ae1w4AAAA=");
    CHECK(format_time(Time{63747016403}, false) == "2021-01-23T16:33:23Z");
    CHECK(parse_time("1970-01-01T00:00:00Z") == Time::from_unix(0));
    CHECK(parse_time("0001-01-01T00:00:00Z") == Time{0});
    CHECK(format_time(Time{0}, false) == "0001-01-01T00:00:00Z");
    CHECK(parse_time("2000-02-29T12:00:00.1234567Z") == parse_time("2000-02-29T12:00:00Z"));
    CHECK(parse_time("2021-01-23T18:33:23+02:00") == Time{63747016403});
    CHECK(parse_time("9999-12-31T23:59:59Z") == Time{315537897599});
    CHECK(format_time(Time{-5}, false) == "0001-01-01T00:00:00Z");  // ISO text cannot go before year 1
    CHECK_FALSE(parse_time("2021-13-01T00:00:00Z"));
    CHECK_FALSE(parse_time("2021-01-01"));
    CHECK_FALSE(parse_time("AAAA"));
    CHECK_FALSE(parse_time(""));
    for (const std::int64_t s :
         {std::int64_t{0}, std::int64_t{63113904000}, std::int64_t{63747016403}, std::int64_t{315537897599}}) {
        CAPTURE(s);
        CHECK(parse_time(format_time(Time{s}, false)) == Time{s});
        CHECK(parse_time(format_time(Time{s}, true)) == Time{s});
    }
}

TEST_CASE("booleans, UUIDs, integers and tags as KeePass and KeePassXC write them", "[kdbx]") {
    CHECK(parse_bool("True") == true);
    CHECK(parse_bool("false") == false);
    CHECK(parse_bool("") == false);
    CHECK(parse_bool(" TRUE ") == true);
    CHECK_FALSE(parse_bool("yes"));
    CHECK(parse_uuid("") == nil_uuid);
    CHECK(parse_uuid("AAAAAAAAAAAAAAAAAAAAAA==") == nil_uuid);
    CHECK_FALSE(parse_uuid("AAAA"));
    const Uuid u = new_uuid();
    CHECK(parse_uuid(format_uuid(u)) == u);
    CHECK((u[6] & 0xF0) == 0x40);
    CHECK(parse_integer<std::int32_t>("-1") == -1);
    CHECK_FALSE(parse_integer<std::int32_t>("4294967296"));
    CHECK_FALSE(parse_integer<std::int64_t>("12x"));
    CHECK(split_tags("bank,see,who?") == std::vector<std::string>{"bank", "see", "who?"});
    CHECK(split_tags("Another tag;Tag1") == std::vector<std::string>{"Another tag", "Tag1"});
    CHECK(split_tags(" a ;\tb,,c ") == std::vector<std::string>{"a", "b", "c"});
    CHECK(join_tags({"a b", "c"}) == "a b;c");
}

TEST_CASE("VariantDictionary round-trips and rejects a newer major version", "[kdbx]") {
    VariantMap map;
    set_uint32(map, "P", 2);
    set_uint64(map, "M", 1 << 20);
    set_bytes(map, "S", cxf::Bytes(32, 7));
    set_uint64(map, "M", 2 << 20);  // replaces, keeps position
    const cxf::Bytes encoded = write_variant_map(map);
    const VariantMap decoded = parse_variant_map(encoded, 0, "f", "KdfParameters");
    CHECK(decoded == map);
    REQUIRE(decoded.size() == 3);
    CHECK(decoded[1].name == "M");
    CHECK(find(decoded, "S")->value.size() == 32);

    cxf::Bytes newer = encoded;
    newer[1] = 0x02;
    CHECK(error_of([&] { parse_variant_map(newer, 0, "f", "KdfParameters"); }).code() == cxf::Errc::unsupported);
    cxf::Bytes wrong_size = encoded;
    wrong_size[1 + 2 + 1 + 4 + 1] = 3;  // P's value length
    CHECK(error_of([&] { parse_variant_map(wrong_size, 0, "f", "KdfParameters"); }).code() == cxf::Errc::malformed);
}

TEST_CASE("key files: XML v1 and v2, 32 raw bytes, 64 hex digits, anything else hashed", "[kdbx]") {
    const auto component = [](std::string_view text) {
        return key_file_component(cxf::as_bytes(text), "k");
    };
    const cxf::Bytes raw(32, 0xAB);
    CHECK(key_file_component(raw, "k") == cxf::crypto::SecureBytes(raw.begin(), raw.end()));
    const std::string hex(64, 'a');
    CHECK(component(hex) == cxf::crypto::SecureBytes(32, 0xAA));
    const std::string not_hex = std::string(63, 'a') + "g";
    CHECK(component(not_hex) == cxf::crypto::sha256({cxf::as_bytes(not_hex)}));
    CHECK(component("short") == cxf::crypto::sha256({cxf::as_bytes("short")}));

    const std::string v1 = "<?xml version=\"1.0\"?><KeyFile><Meta><Version>1.00</Version></Meta><Key><Data>" +
                           cxf::encoding::base64_encode(raw) + "</Data></Key></KeyFile>";
    CHECK(component(v1) == cxf::crypto::SecureBytes(raw.begin(), raw.end()));
    const std::string data_hex = std::string(32, 'a') + std::string(32, 'b');
    const cxf::Bytes data = *cxf::encoding::hex_decode(data_hex);
    const cxf::crypto::SecureBytes hash = cxf::crypto::sha256({data});
    const auto v2 = [&](std::string_view hash_hex) {
        // KeePass groups the hex in lines; whitespace is not part of the key. A BOM may lead.
        return "\xEF\xBB\xBF<KeyFile><Meta><Version>2.0</Version></Meta><Key><Data Hash=\"" + std::string(hash_hex) +
               "\">\n  " + data_hex.substr(0, 32) + "\n  " + data_hex.substr(32) + "\n</Data></Key></KeyFile>";
    };
    CHECK(component(v2(cxf::encoding::hex_encode(cxf::ByteView(hash).first(4)))) ==
          cxf::crypto::SecureBytes(data.begin(), data.end()));
    CHECK(error_of([&] { component(v2("00000000")); }).code() == cxf::Errc::integrity);
}

TEST_CASE("composite keys: password, key file, both, empty password vs none", "[kdbx]") {
    const cxf::crypto::Secret empty("");
    const cxf::Bytes key_file(32, 1);
    CHECK(make_composite_key(&empty, std::nullopt).hash != make_composite_key(nullptr, cxf::ByteView(key_file)).hash);
    CHECK(make_composite_key(&empty, cxf::ByteView(key_file)).hash !=
          make_composite_key(nullptr, cxf::ByteView(key_file)).hash);
    const cxf::crypto::SecureBytes pw_hash = cxf::crypto::sha256({empty.bytes()});
    CHECK(make_composite_key(&empty, std::nullopt).hash == cxf::crypto::sha256({pw_hash}));
    const cxf::Error none = error_of([] { make_composite_key(nullptr, std::nullopt); });
    CHECK(none.code() == cxf::Errc::usage);

    const std::string bad_v2 = "<KeyFile><Meta><Version>2.0</Version></Meta><Key><Data>zz</Data></Key></KeyFile>";
    CHECK(error_of([&] { make_composite_key(nullptr, cxf::as_bytes(bad_v2)); }).code() == cxf::Errc::malformed);
    const std::string v3 = "<KeyFile><Meta><Version>3.0</Version></Meta><Key><Data>00</Data></Key></KeyFile>";
    CHECK(error_of([&] { make_composite_key(nullptr, cxf::as_bytes(v3)); }).code() == cxf::Errc::unsupported);
}
