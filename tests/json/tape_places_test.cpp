// SPDX-License-Identifier: MIT
// Where a JSON syntax error is placed: the element being read, also when it is not the first.
#include <catch2/catch.hpp>

#include <string>

#include "cxf/error.h"
#include "cxf/json/tape.h"

namespace {

// The JSON pointer of the error parsing `json` raises (fails the test if it parses).
std::string error_place(const std::string& json, cxf::Limits limits = {}) {
    cxf::json::Tape tape;
    try {
        cxf::json::parse(json, "t.json", limits, tape);
    } catch (const cxf::Error& e) {
        return e.where().place;
    }
    FAIL("parsed: " << json);
    return {};
}

}  // namespace

TEST_CASE("an error inside an array element names that element, not the one before", "[unit][json]") {
    CHECK(error_place("[\"a\", \"b\xff\"]") == "/1");
    CHECK(error_place("[\"a\xff\"]") == "/0");
    CHECK(error_place("{\"items\": [{\"t\": 1}, {\"t\": 2}, \"\xc3\"]}") == "/items/2");
    CHECK(error_place("{\"items\": [\"x\", \"cut") == "/items/1");
    CHECK(error_place("{\"items\": [1, 2, tru]}") == "/items/2");
    CHECK(error_place("{\"items\": [1, {\"t\": \"\xff\"}]}") == "/items/1/t");
    CHECK(error_place("{\"a\": [1], \"b\": \"\xff\"}") == "/b");
}

TEST_CASE("a string over the limit in an array names its own element", "[unit][json]") {
    cxf::Limits limits;
    limits.max_string_bytes = 4;
    CHECK(error_place("[\"ok\", \"too long\"]", limits) == "/1");
}
