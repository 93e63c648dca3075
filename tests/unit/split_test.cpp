// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "cxf/model/split.h"

using namespace cxf;

namespace {

Vault numbered(std::size_t items) {
    Vault v;
    v.exporter_rp_id = "x.example";
    Account& a = v.accounts.emplace_back();
    a.id = {0xAA};
    for (std::size_t i = 0; i < items; ++i) {
        Item& item = a.items.emplace_back();
        item.id = {static_cast<std::uint8_t>(i)};
        item.title = "item " + std::to_string(i);
    }
    Collection odd;
    odd.id = {1};
    odd.title = "odd";
    for (std::size_t i = 1; i < items; i += 2) odd.items.push_back({{static_cast<std::uint8_t>(i)}, std::nullopt});
    Collection nested;
    nested.id = {3};
    nested.title = "first";
    nested.items.push_back({{0}, std::nullopt});
    odd.sub_collections.push_back(std::move(nested));
    a.collections.push_back(std::move(odd));
    Collection empty;
    empty.id = {2};
    empty.title = "empty folder";
    a.collections.push_back(std::move(empty));
    return v;
}

}  // namespace

TEST_CASE("a small vault is one part, unchanged", "[unit][split]") {
    const auto parts = split(numbered(3), 5);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].accounts[0].items.size() == 3);
    CHECK(parts[0].accounts[0].collections.size() == 2);
}

TEST_CASE("a vault splits into parts of at most N items, each with the collections it needs", "[unit][split]") {
    const auto parts = split(numbered(5), 2);
    REQUIRE(parts.size() == 3);
    std::vector<std::string> titles;
    for (const Vault& p : parts) {
        CHECK(p.exporter_rp_id == "x.example");
        REQUIRE(p.accounts.size() == 1);
        CHECK(p.accounts[0].id == Id{0xAA});
        CHECK(p.accounts[0].items.size() <= 2);
        for (const Item& i : p.accounts[0].items) titles.push_back(i.title);
    }
    CHECK(titles == std::vector<std::string>{"item 0", "item 1", "item 2", "item 3", "item 4"});
    // Part 1 (items 0, 1): "odd" links item 1 and its subcollection item 0; the empty folder stays.
    const auto& first = parts[0].accounts[0].collections;
    REQUIRE(first.size() == 2);
    CHECK(first[0].items.size() == 1);
    CHECK(first[0].sub_collections.size() == 1);
    CHECK(first[1].title == "empty folder");
    // Part 2 (items 2, 3): "odd" links item 3 only, without the subcollection; no empty folder.
    const auto& second = parts[1].accounts[0].collections;
    REQUIRE(second.size() == 1);
    CHECK(second[0].items.size() == 1);
    CHECK(second[0].items[0].item == Id{3});
    CHECK(second[0].sub_collections.empty());
    // Part 3 (item 4): no collection links it.
    CHECK(parts[2].accounts[0].collections.empty());
}
