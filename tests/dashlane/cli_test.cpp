// SPDX-License-Identifier: MIT
// Dashlane's exports through the real `cxf` program: converted into CXF that validates, and a damaged
// member named by its zip entry and line.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/cli/cli_run.h"
#include "tests/dashlane/support.h"
#include "tests/support/testdata.h"

using test::run_cxf;

TEST_CASE("cxf convert reads Dashlane's zip and JSON exports into CXF that validates", "[dashlane][cli]") {
    const test::TempDir dir;
    const std::pair<std::string_view, std::string_view> samples[] = {{dashlane_test::zip_sample, "read 20 items"},
                                                                     {dashlane_test::json_sample, "read 15 items"}};
    for (const auto& [sample, count] : samples) {
        CAPTURE(sample);
        const auto convert = run_cxf(dir, "convert " + test::testdata(sample) + " out.cxf --force");
        CAPTURE(convert.err);
        REQUIRE(convert.exit_code == 0);
        CHECK_THAT(convert.err, Catch::Contains(std::string(count)));
        CHECK_THAT(convert.err, !Catch::Contains("ndnndc"));
        const auto validate = run_cxf(dir, "validate out.cxf");
        CAPTURE(validate.out);
        CHECK(validate.exit_code == 0);
    }
}

TEST_CASE("cxf convert names the zip entry and line of a broken Dashlane file", "[dashlane][cli]") {
    const test::TempDir dir;
    {
        std::ofstream zip(dir.path("broken.zip"), std::ios::binary);
        zip << dashlane_test::zip_of({{"credentials.csv", "username,title,password,note,url\r\nme,\"open,pw,,\r\n"}});
    }
    const auto convert = run_cxf(dir, "convert broken.zip out.cxf --from dashlane");
    CHECK(convert.exit_code != 0);
    CHECK_THAT(convert.err, Catch::Contains("broken.zip:credentials.csv") && Catch::Contains("line 2"));
}
