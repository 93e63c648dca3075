// SPDX-License-Identifier: MIT
// json::Builder: compact into wiped memory or indented to an output, UTF-8 checked strings, raw values
// and parsed values copied as they were read.
#include <catch2/catch.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cxf/io/output.h"
#include "cxf/json/builder.h"
#include "cxf/json/document.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

void sample(json::Builder& out) {
    out.begin_object();
    out.key("s").string("t\"ext");
    out.key("i").integer(-3);
    out.key("u").unsigned_integer(18446744073709551615u);
    out.key("b").boolean(true);
    out.key("n").null();
    out.key("a").begin_array().integer(1).raw(R"({"r":[]})").end_array();
    out.end_object();
}

}  // namespace

TEST_CASE("a builder escapes strings as RapidJSON does, wherever the character to escape falls", "[unit][json]") {
    const std::vector<std::string> specials = {std::string(1, '\0'), "\x01", "\x1F", "\"", "\\", "\n", "\t", "\x7F",
                                               " ", "/", "\xC3\xA9", "\xF0\x9F\x94\x91"};
    for (const std::string& special : specials)
        for (std::size_t at = 0; at <= 17; ++at) {
            std::string text = std::string(17, 'a').insert(at, special);
            CAPTURE(special, at);
            json::Builder out;
            out.begin_array().string(text).key(text).end_array();
            rapidjson::StringBuffer expected;
            rapidjson::Writer<rapidjson::StringBuffer> writer(expected);
            writer.StartArray();
            writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
            writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
            writer.EndArray();
            CHECK(out.take().view() == expected.GetString());
        }
}

TEST_CASE("a builder writes compact JSON into memory", "[unit][json]") {
    json::Builder out;
    sample(out);
    CHECK(out.take().view() == R"({"s":"t\"ext","i":-3,"u":18446744073709551615,"b":true,"n":null,"a":[1,{"r":[]}]})");
}

TEST_CASE("a builder streams indented JSON to an output", "[unit][json]") {
    io::MemoryOutput memory;
    json::Builder out(memory, json::Layout::indented);
    sample(out);
    out.flush();
    const std::string text(reinterpret_cast<const char*>(memory.bytes().data()), memory.bytes().size());
    CHECK(text == "{\n  \"s\": \"t\\\"ext\",\n  \"i\": -3,\n  \"u\": 18446744073709551615,\n  \"b\": true,\n  \"n\": null,\n"
                  "  \"a\": [\n    1,\n    {\"r\":[]}\n  ]\n}");
}

TEST_CASE("a builder copies a parsed value as it was read", "[unit][json]") {
    const char* const text = R"({"k":[1,-2,2.5,"x",true,null,{"o":{}}]})";
    const json::Document doc(text, "doc.json");
    json::Builder out;
    out.copy(doc.root());
    CHECK(out.take().view() == text);
    CHECK(json::to_json(*doc.root().find("k")).view() == R"([1,-2,2.5,"x",true,null,{"o":{}}])");
}

TEST_CASE("a builder refuses a string that is not UTF-8, naming the place", "[unit][json]") {
    json::Builder out;
    out.place = "/items/3/name";
    out.begin_array();
    const Error e = test::thrown_by([&] { out.string("caf\xE9"); });
    CHECK(e.code() == Errc::invalid);
    CHECK(e.where().place == "/items/3/name");
    CHECK(std::string(e.what()).find("caf") == std::string::npos);
}
