// SPDX-License-Identifier: MIT
// json::Reader: typed members and values, null as absent only where asked, and each format's wording of
// a value of the wrong type at its JSON pointer.
#include <catch2/catch.hpp>

#include "cxf/json/document.h"
#include "cxf/json/reader.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

const char* const sample = R"({"s":"text","i":-3,"u":7,"big":18446744073709551615,"b":true,"n":null,"o":{"k":[1,"x"]},"a":[]})";

json::Reader reader(json::Wording wording) { return json::Reader({"doc.json", "at ", " here", wording}); }

}  // namespace

TEST_CASE("a reader gives typed members and leaves absent ones empty", "[unit][json]") {
    const json::Document doc(sample, "doc.json");
    const json::Reader r = reader(json::Wording::expected_got);
    const json::Cursor& o = doc.root();
    CHECK(r.optional_string(o, "s") == "text");
    CHECK(r.required_string(o, "s") == "text");
    CHECK(r.optional_integer(o, "i") == -3);
    CHECK(r.optional_integer(o, "u") == 7);
    CHECK(r.optional_boolean(o, "b") == true);
    CHECK(r.optional_object(o, "o")->size() == 1);
    CHECK(r.optional_array(o, "a")->size() == 0);
    CHECK_FALSE(r.optional_string(o, "missing"));
    CHECK_FALSE(r.optional_integer(o, "missing"));
    CHECK_FALSE(r.optional_array(o, "missing"));
    CHECK(r.required_member(o, "u", json::Kind::uint64).uint64() == 7);
    CHECK(r.required_member(o, "i", json::Kind::uint64).int64() == -3);  // any integer
}

TEST_CASE("null is absent only in the or_null variants", "[unit][json]") {
    const json::Document doc(sample, "doc.json");
    const json::Reader r = reader(json::Wording::expected_got);
    const json::Cursor n = *doc.root().find("n");
    CHECK_FALSE(r.string_or_null(n));
    CHECK_FALSE(r.integer_or_null(n));
    CHECK_FALSE(r.boolean_or_null(n));
    CHECK_FALSE(r.object_or_null(n));
    CHECK_FALSE(r.array_or_null(n));
    CHECK(r.string_or_null(*doc.root().find("s")) == "text");
    CHECK(r.array_or_null(*doc.root().find("a")));
    const Error e = test::thrown_by([&] { (void)r.optional_string(doc.root(), "n"); });
    CHECK(std::string(e.what()).find("expected a string, got null") != std::string::npos);
}

TEST_CASE("a mistyped value fails at its pointer in the reader's wording", "[unit][json]") {
    const json::Document doc(sample, "doc.json");
    const json::Cursor& o = doc.root();
    const auto failure = [&](json::Wording wording, auto&& read) {
        const json::Reader r = reader(wording);
        return test::thrown_by([&] { read(r); });
    };
    const Error got = failure(json::Wording::expected_got, [&](const json::Reader& r) { (void)r.optional_integer(o, "s"); });
    CHECK(got.code() == Errc::malformed);
    CHECK(got.where().file == "doc.json");
    CHECK(got.where().place == "at /s");
    CHECK(std::string(got.what()).find("expected an integer, got string") != std::string::npos);

    const Error suffix = failure(json::Wording::expected, [&](const json::Reader& r) {
        (void)r.boolean(*r.optional_object(o, "o")->find("k")->elements().begin());
    });
    CHECK(suffix.where().place == "at /o/k/0");
    CHECK(std::string(suffix.what()).find("expected true or false here") != std::string::npos);

    const Error must = failure(json::Wording::must_be, [&](const json::Reader& r) { (void)r.optional_array(o, "b"); });
    CHECK(std::string(must.what()).find("'b' must be an array, not boolean") != std::string::npos);

    const Error too_big = failure(json::Wording::expected_got, [&](const json::Reader& r) { (void)r.optional_integer(o, "big"); });
    CHECK(too_big.where().place == "at /big");

    const Error missing = failure(json::Wording::must_be, [&](const json::Reader& r) { (void)r.required_string(o, "kty"); });
    CHECK(missing.where().place == "at ");
    CHECK(std::string(missing.what()).find("missing member 'kty'") != std::string::npos);
}
