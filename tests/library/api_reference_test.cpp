// SPDX-License-Identifier: MIT
// docs/api-reference.md is what scripts/api_reference.py makes from the headers today.
#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

TEST_CASE("the API reference is generated from the current headers", "[library]") {
    const std::string command = "/usr/bin/python3 '" + std::string(CXF_SOURCE_DIR) + "/scripts/api_reference.py' --check";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
