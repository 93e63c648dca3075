// SPDX-License-Identifier: MIT
// The man page documents every command and every option the program offers, and renders cleanly.
#include <sys/wait.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"
#include "tests/support/testdata.h"

namespace {

const std::string man_page = std::string(CXF_SOURCE_DIR) + "/docs/cxf.1";

// The page's text as a reader sees it: roff's escaped hyphens plain, font changes gone.
std::string man_text() {
    std::string text = test::read_text(man_page);
    text = std::regex_replace(text, std::regex(R"(\\-)"), "-");
    return std::regex_replace(text, std::regex(R"(\\f[BIRP])"), "");
}

std::set<std::string> long_options(const std::string& help) {
    std::set<std::string> options;
    const std::regex option(R"((?:^|\n)  (?:-\w \[ )?(--[a-z0-9-]+))");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it)
        options.insert((*it)[1]);
    return options;
}

std::set<std::string> commands(const std::string& usage) {
    std::set<std::string> names;
    const auto list = usage.substr(usage.find("commands:\n"));
    const std::regex command(R"(\n  ([a-z]+) )");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), command); it != std::sregex_iterator(); ++it)
        names.insert((*it)[1]);
    return names;
}

}  // namespace

TEST_CASE("the man page names every command and every option of its --help") {
    test::TempDir dir;
    const std::string text = man_text();
    const auto usage = test::run_cxf(dir, "--help");
    REQUIRE(usage.exit_code == 0);
    const auto names = commands(usage.out);
    REQUIRE(names.count("convert") == 1);
    for (const std::string& name : names) {
        INFO("command " << name);
        CHECK(text.find(".B " + name) != std::string::npos);
        const auto help = test::run_cxf(dir, (name == "cxp" ? "cxp keygen" : name) + " --help");
        REQUIRE(help.exit_code == 0);
        const auto options = long_options(help.out);
        CHECK(options.count("--help") == 1);
        for (const std::string& option : options) {
            INFO("option " << option);
            CHECK(std::regex_search(text, std::regex(option + R"(\b(?!-))")));
        }
    }
}

TEST_CASE("the man page renders without a groff warning") {
    test::TempDir dir;
    const std::string warnings = dir.path("warnings");
    const int status =
        std::system(("groff -man -ww -z '" + man_page + "' 2> '" + warnings + "'").c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(test::read_text(warnings).empty());
}
