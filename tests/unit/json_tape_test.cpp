// SPDX-License-Identifier: MIT
// The bounded JSON parser: limits, errors with pointers, duplicate keys, hand-off of subtrees.
#include <catch2/catch.hpp>

#include "cxf/error.h"
#include "cxf/json/cursor.h"

using namespace cxf;
using cxf::json::Cursor;

namespace {

Error parse_error(const std::string& text, const Limits& limits = {}) {
    json::Tape tape;
    try {
        json::parse(text, "doc.json", limits, tape);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for: " << text.substr(0, 80));
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the tape holds every value and cursors navigate it", "[unit][json]") {
    json::Tape tape;
    json::parse(R"({"a":[1,-2,2.5,"x",true,null,{"b/c~d":"y"}],"e":{}})", "doc.json", {}, tape);
    const std::string base;
    const Cursor root(tape, 0, base);
    REQUIRE(root.is_object());
    CHECK(root.size() == 2);
    const Cursor a = *root.find("a");
    REQUIRE(a.is_array());
    CHECK(a.size() == 7);
    std::vector<Cursor> e;
    for (const Cursor c : a.elements()) e.push_back(c);
    CHECK(e[0].uint64() == 1);
    CHECK(e[1].int64() == -2);
    CHECK(e[2].number() == 2.5);
    CHECK(e[3].string() == "x");
    CHECK(e[4].boolean());
    CHECK(e[5].is_null());
    const Cursor nested = *e[6].find("b/c~d");
    CHECK(nested.string() == "y");
    CHECK(nested.pointer() == "/a/6/b~1c~0d");
    CHECK(root.find("e")->is_object());
    CHECK_FALSE(root.find("missing"));
    CHECK(std::string(json::to_json(a).view()) == R"([1,-2,2.5,"x",true,null,{"b/c~d":"y"}])");
}

TEST_CASE("syntax errors name the byte offset and the pointer", "[unit][json][malformed]") {
    SECTION("truncated") {
        const Error e = parse_error(R"({"accounts":[{"id":"abc")");
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().file == "doc.json");
        CHECK(e.where().place == "/accounts/0/id");
        CHECK_THAT(e.what(), Catch::Contains("byte offset 24"));
    }
    SECTION("bad token") {
        const Error e = parse_error(R"({"a": tru})");
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().place == "/a");
    }
    SECTION("empty") { CHECK(parse_error("").code() == Errc::malformed); }
    SECTION("trailing garbage") { CHECK(parse_error("{} {}").code() == Errc::malformed); }
}

TEST_CASE("invalid UTF-8 is refused with its place", "[unit][json][malformed]") {
    const Error e = parse_error("{\"title\":\"ab\xC3\x28\"}");
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().place == "/title");
    CHECK(parse_error("{\"t\":\"\xED\xA0\x80\"}").code() == Errc::malformed);  // a UTF-16 surrogate
}

TEST_CASE("duplicate keys are refused, in small and large objects", "[unit][json][malformed]") {
    const Error small = parse_error(R"({"a":1,"b":2,"a":3})");
    CHECK(small.code() == Errc::malformed);
    CHECK(small.where().place == "/a");
    CHECK_THAT(small.what(), Catch::Contains("duplicate key"));

    std::string big = "{";
    for (int i = 0; i < 200; ++i) big += "\"k" + std::to_string(i) + "\":0,";
    big += "\"k7\":1}";
    CHECK(parse_error(big).code() == Errc::malformed);
}

TEST_CASE("nesting 10 000 deep stops at the depth limit without recursion", "[unit][json][limits]") {
    const std::string deep(10000, '[');
    const Error e = parse_error(deep + std::string(10000, ']'));
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK_THAT(e.what(), Catch::Contains("deeper than 256"));
}

TEST_CASE("a 100 MB string is refused at the string limit", "[unit][json][limits]") {
    std::string doc = "{\"note\":\"";
    doc.append(100u << 20, 'x');
    doc += "\"}";
    const Error e = parse_error(doc);
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(e.where().place == "/note");
    CHECK_THAT(e.what(), Catch::Contains("over the limit"));
}

TEST_CASE("inputs over the size limit are refused before parsing", "[unit][json][limits]") {
    Limits limits;
    limits.max_input_bytes = 10;
    CHECK(parse_error(R"({"a":"0123456789"})", limits).code() == Errc::limit_exceeded);
}

TEST_CASE("the number of values held at once is capped", "[unit][json][limits]") {
    Limits limits;
    limits.max_json_values = 1000;
    std::string doc = "[";
    for (int i = 0; i < 2000; ++i) doc += "0,";
    doc += "0]";
    CHECK(parse_error(doc, limits).code() == Errc::limit_exceeded);
}

TEST_CASE("handed-off subtrees are delivered with their pointer and dropped", "[unit][json]") {
    json::Tape tape;
    std::vector<std::string> seen;
    json::Handoff handoff{
        [](const json::Path& p) { return p.depth() == 2 && p.key(0) == "items"; },
        [&](const json::Tape& t, std::uint32_t index, const json::Path& p) {
            const std::string base = p.pointer();
            const Cursor item(t, index, base);
            seen.push_back(base + "=" + std::string(item.find("t")->string()) + "@" + item.find("t")->pointer());
        }};
    json::parse(R"({"items":[{"t":"a"},{"t":"b"},{"t":"c"}],"after":[{"x":1}]})", "doc.json", {}, tape, &handoff);
    CHECK(seen == std::vector<std::string>{"/items/0=a@/items/0/t", "/items/1=b@/items/1/t", "/items/2=c@/items/2/t"});
    const std::string base;
    const Cursor root(tape, 0, base);
    CHECK(root.find("items")->size() == 0);
    CHECK(root.find("after")->size() == 1);
    CHECK(root.find("after")->elements().begin().operator*().find("x")->uint64() == 1);
}

namespace {

// The text handed to the parser in pieces of `size` bytes.
json::TextSource pieces_of(const std::string& text, std::size_t size) {
    return [&text, size, at = std::size_t{0}]() mutable -> ByteView {
        const std::string_view piece = std::string_view(text).substr(std::min(at, text.size()), size);
        at += piece.size();
        return as_bytes(piece);
    };
}

// What a parse gives: every node's kind and text or number, or the error's place and message.
std::string outcome(const std::function<void(json::Tape&)>& parse) {
    json::Tape tape;
    try {
        parse(tape);
    } catch (const Error& e) {
        return "error " + e.where().place + ": " + e.what();
    }
    std::string out;
    for (const json::Node& n : tape.nodes) {
        out += std::string(json::kind_name(n.kind)) + ' ';
        if (n.kind == json::Kind::string || n.kind == json::Kind::key) out += tape.string(n);
        else if (n.kind == json::Kind::uint64) out += std::to_string(n.u);
        out += ';';
    }
    return out;
}

}  // namespace

TEST_CASE("text in pieces of any size parses as it does whole, errors and byte order mark included", "[unit][json]") {
    const std::string bom = "\xEF\xBB\xBF";
    const std::string documents[] = {
        R"({"items":[{"id":"a","n":1},{"id":"ünï","n":22}],"x":"y"})",
        bom + R"({"a":[1,2,3]})",
        bom + R"({"a":[1,2,})",         // a syntax error: its byte offset does not count the mark
        R"({"a":"b","a":"c"})",          // a duplicate key
        "{\"a\":\"\xC3\"}",              // invalid UTF-8
        R"({"a":1} x)",                  // text after the document
        "",
        "1",
        bom,
    };
    for (const std::string& text : documents) {
        const std::string whole = outcome([&](json::Tape& t) { json::parse(text, "doc.json", {}, t); });
        for (const std::size_t size : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5}, std::size_t{4096}}) {
            INFO(text << " in pieces of " << size);
            CHECK(outcome([&](json::Tape& t) { json::parse(pieces_of(text, size), "doc.json", {}, t); }) == whole);
        }
    }
    CHECK_THAT(outcome([&](json::Tape& t) { json::parse(documents[2], "doc.json", {}, t); }), Catch::Contains("byte offset 10"));
}

TEST_CASE("text in pieces is refused once it passes the size limit", "[unit][json][limits]") {
    Limits limits;
    limits.max_input_bytes = 100;
    const std::string text = "[" + std::string(200, ' ') + "1]";
    const std::string refused = outcome([&](json::Tape& t) { json::parse(pieces_of(text, 16), "doc.json", limits, t); });
    CHECK_THAT(refused, Catch::Contains("over the limit"));
}
