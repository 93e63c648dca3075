// SPDX-License-Identifier: MIT
#include <string>

#include <catch2/catch.hpp>

#include "importers/kdbx/id_set.h"

using cxf::as_bytes;

TEST_CASE("an id set tells a new id from one it holds, across growth and lengths", "[unit]") {
    cxf::kdbx_map::IdSet ids;
    CHECK(ids.insert(as_bytes("")));
    CHECK_FALSE(ids.insert(as_bytes("")));
    for (int i = 0; i < 5000; ++i) CHECK(ids.insert(as_bytes("id " + std::to_string(i))));
    CHECK(ids.size() == 5001);
    for (int i = 0; i < 5000; ++i) CHECK_FALSE(ids.insert(as_bytes("id " + std::to_string(i))));
    // A prefix, an extension and a byte changed are other ids.
    CHECK(ids.insert(as_bytes("id 1")) == false);
    CHECK(ids.insert(as_bytes("id ")));
    CHECK(ids.insert(as_bytes("id 10000")));
    CHECK(ids.insert(as_bytes("iD 1")));
    CHECK(ids.size() == 5004);
}
