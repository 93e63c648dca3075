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


TEST_CASE("Secret grows, shrinks, moves and wipes as a string does", "[unit][secret]") {
    std::string model;
    crypto::Secret s;
    std::uint32_t state = 12345;
    const auto next = [&] { return state = state * 1103515245u + 12345u; };
    for (int step = 0; step < 20000; ++step) {
        const std::uint32_t r = next() >> 8;
        switch (r % 8) {
            case 0:
            case 1:
            case 2: {
                const std::string text(r % 300, static_cast<char>('a' + r % 26));
                s.append(text);
                model += text;
                break;
            }
            case 3:
            case 4: {
                s.push_back(static_cast<char>(r));
                model.push_back(static_cast<char>(r));
                break;
            }
            case 5: {
                s.shrink_to_fit();
                break;
            }
            case 6: {
                crypto::Secret moved = std::move(s);
                CHECK(s.empty());  // NOLINT(bugprone-use-after-move): a moved-from Secret is empty
                s = std::move(moved);
                break;
            }
            default: {
                if (r % 50 >= 40) {  // longer by zeros, or shorter
                    const std::size_t size = r % 2 ? model.size() + r % 40 : model.size() / 2;
                    s.resize(size);
                    model.resize(size);
                } else if (r % 50 == 39 && !model.empty()) {
                    s.data()[model.size() - 1] = 'Z';
                    model.back() = 'Z';
                } else if (r % 50 == 0) {
                    s.wipe();
                    model.clear();
                } else if (r % 50 == 1) {
                    s.clear();
                    model.clear();
                }
            }
        }
        REQUIRE(s.view() == model);
    }
    crypto::Secret empty;
    empty.shrink_to_fit();
    empty.append("");
    CHECK(empty.view().empty());
    empty = crypto::Secret("x");
    CHECK(empty.view() == "x");
}
