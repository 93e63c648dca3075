// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "cxf/secret.h"

using namespace cxf;

TEST_CASE("equal_ct compares length and every byte", "[unit][secret]") {
    const Bytes a{1, 2, 3}, b{1, 2, 3}, c{1, 2, 4}, d{1, 2};
    CHECK(crypto::equal_ct(a, b));
    CHECK_FALSE(crypto::equal_ct(a, c));
    CHECK_FALSE(crypto::equal_ct(a, d));
    CHECK(crypto::equal_ct(Bytes{}, Bytes{}));
}

TEST_CASE("Secret is move-only, clones explicitly and compares by content", "[unit][secret]") {
    static_assert(!std::is_copy_constructible_v<crypto::Secret>);
    static_assert(std::is_nothrow_move_constructible_v<crypto::Secret>);
    crypto::Secret s("hunter2");
    crypto::Secret copy = s.clone();
    CHECK(copy == s);
    CHECK(copy.view() == "hunter2");
    crypto::Secret moved = std::move(s);
    CHECK(moved.view() == "hunter2");
    CHECK_FALSE(moved == crypto::Secret("hunter3"));
    moved.append("!");
    CHECK(moved.size() == 8);
}

