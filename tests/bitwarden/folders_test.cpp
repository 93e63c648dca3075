// SPDX-License-Identifier: MIT
// Folder names with many "/": nesting by name costs a bounded number of lookups per folder, in the
// readers and in the writers' check, and never nests deeper than Limits::max_depth.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/bitwarden/support.h"

using namespace cxf;

namespace {

// An individual export of folders with these names, one login filed in the last.
std::string with_folders(const std::vector<std::string>& names) {
    std::string folders;
    for (std::size_t i = 0; i < names.size(); ++i)
        folders += std::string(i ? "," : "") + R"({"id": "f)" + std::to_string(i) + R"(", "name": ")" + names[i] + "\"}";
    return R"({"encrypted": false, "folders": [)" + folders + R"(], "items": [{"type": 1, "name": "x", "folderId": "f)" +
           std::to_string(names.size() - 1) + R"(", "login": {}}]})";
}

std::size_t depth(const std::vector<Collection>& collections) {
    std::size_t deepest = 0;
    for (const Collection& c : collections) deepest = std::max(deepest, 1 + depth(c.sub_collections));
    return deepest;
}

std::string levels(std::size_t n) {
    std::string name = "a";
    for (std::size_t i = 1; i < n; ++i) name += "/a";
    return name;
}

const auto fast = std::chrono::seconds(2);

}  // namespace

TEST_CASE("folder names of many slashes or levels cost few lookups and stay at the top level", "[bitwarden][folders]") {
    const std::string slashes(300000, '/');
    const auto start = std::chrono::steady_clock::now();
    Report report;
    const Vault v = bwtest::read_text("bitwarden", with_folders({"a", slashes, levels(10000)}), report);
    CHECK(std::chrono::steady_clock::now() - start < fast);
    const std::vector<Collection>& top = v.accounts.at(0).collections;
    REQUIRE(top.size() == 3);
    CHECK(top[1].title == slashes);
    // "a" exists, but it is further up than the nesting limit: the name is not searched that far.
    CHECK(top[2].title == levels(10000));
    CHECK(bwtest::has_message(report, NoticeKind::changed, "more '/' than the nesting limit of 256 levels"));

    // The CSV reader files by the same rules.
    const std::string csv = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n" +
                            slashes + ",,login,x,,,0,,,,\n" + levels(10000) + ",,login,y,,,0,,,,\na,,login,z,,,0,,,,\n";
    Report csv_report;
    CHECK(bwtest::read_text("bitwarden-csv", csv, csv_report).accounts.at(0).collections.size() == 3);
    CHECK(std::chrono::steady_clock::now() - start < 2 * fast);
}

TEST_CASE("folders nest no deeper than the nesting limit, deeper ones start again at the top", "[bitwarden][folders]") {
    std::vector<std::string> names;
    for (std::size_t n = 1; n <= 300; ++n) names.push_back(levels(n));
    Report report;
    const Vault v = bwtest::read_text("bitwarden", with_folders(names), report);
    const std::vector<Collection>& top = v.accounts.at(0).collections;
    CHECK(depth(top) == Limits{}.max_depth);
    REQUIRE(top.size() == 2);
    CHECK(top[1].title == levels(257));
    CHECK(top[1].sub_collections.at(0).title == "a");
    CHECK(bwtest::count(report, NoticeKind::changed, "collection") == 1);
    CHECK(bwtest::has_message(report, NoticeKind::changed, "would nest deeper than the nesting limit of 256 levels"));
}

TEST_CASE("the writers' check for a '/' that re-nests a folder looks at few cuts", "[bitwarden][folders]") {
    Vault v;
    Account& account = v.accounts.emplace_back();
    account.collections.resize(3);
    account.collections[0].title = std::string(300000, '/');
    account.collections[1].title = "x";
    account.collections[1].sub_collections.resize(2);
    account.collections[1].sub_collections[0].title = "a";
    account.collections[1].sub_collections[1].title = "a/b";  // "x/a/b": Bitwarden shows it under "x/a"
    account.collections[2].title = "x/y";                     // under "x"
    for (const std::string_view format : {"bitwarden", "bitwarden-csv"}) {
        CAPTURE(format);
        const auto start = std::chrono::steady_clock::now();
        Report report;
        bwtest::write(format, v, report);
        CHECK(std::chrono::steady_clock::now() - start < fast);
        CHECK(bwtest::has_message(report, NoticeKind::changed, "'a/b' makes Bitwarden show it nested under 'x/a'"));
        CHECK(bwtest::has_message(report, NoticeKind::changed, "'x/y' makes Bitwarden show it nested under 'x'"));
    }
}
