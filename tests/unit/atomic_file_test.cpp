// SPDX-License-Identifier: MIT
// Several outputs committed as one: a failure to put any of them in place leaves none behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cxf/error.h"
#include "cxf/io/output.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

std::size_t files_in(const test::TempDir& dir) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir.root()), {}));
}

}  // namespace

TEST_CASE("files committed together all appear", "[unit][io]") {
    test::TempDir dir;
    io::AtomicFile a(dir.path("a"), false), b(dir.path("b"), false);
    a.write(as_bytes("first"));
    b.write(as_bytes("second"));
    io::AtomicFile* both[] = {&a, &b};
    io::commit_together(both);
    CHECK(test::read_text(dir.path("a")) == "first");
    CHECK(test::read_text(dir.path("b")) == "second");
    CHECK(files_in(dir) == 2);
}

TEST_CASE("when one file cannot be put in place, the ones already placed are removed", "[unit][io]") {
    test::TempDir dir;
    {
        io::AtomicFile a(dir.path("a"), false), b(dir.path("b"), false);
        a.write(as_bytes("first"));
        b.write(as_bytes("second"));
        std::ofstream(dir.path("b")) << "appeared meanwhile";
        io::AtomicFile* both[] = {&a, &b};
        try {
            io::commit_together(both);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::io);
            CHECK_THAT(e.what(), Catch::Contains("already exists"));
        }
        CHECK_FALSE(std::filesystem::exists(dir.path("a")));
    }
    CHECK(test::read_text(dir.path("b")) == "appeared meanwhile");
    CHECK(files_in(dir) == 1);  // b's temp file went with it
}
