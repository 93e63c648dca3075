// SPDX-License-Identifier: MIT
// Output files under pressure: many parts, file-size limits, special files, a part that cannot be
// replaced, two outputs naming one file, and an oversized standard input.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {

const std::string spec = test::testdata("cxf/spec-appendix-a-32-byte-hash.json");

// `env` words that run cxf under a shell limit (ulimit), e.g. "-n 12".
std::string under_ulimit(const std::string& limit) {
    return "sh -c 'ulimit " + limit + " && exec \"$0\" \"$@\"'";
}

}  // namespace

TEST_CASE("a split into more parts than the open-file limit allows still succeeds", "[cli][io]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + spec + "' out.cxf --split 1", "/dev/null", under_ulimit("-n 12"));
    CHECK(r.exit_code == 0);
    CHECK(list_dir(dir.root().string()).size() == 14);
}

TEST_CASE("an output over the file-size limit is an I/O error and leaves nothing", "[cli][io]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + spec + "' out.cxf", "/dev/null", under_ulimit("-f 1"));
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("out.cxf") && Catch::Contains("too large"));
    CHECK(list_dir(dir.root().string()).empty());
}

TEST_CASE("split with force replaces nothing when one part cannot be replaced", "[cli][io]") {
    test::TempDir dir;
    test::write_file(dir.path("out-1.cxf"), "old first part");
    std::filesystem::create_directory(dir.path("out-3.cxf"));
    const auto r = run_cxf(dir, "convert '" + spec + "' out.cxf --split 1 --force");
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("out-3.cxf") && Catch::Contains("directory"));
    CHECK(test::read_text(dir.path("out-1.cxf")) == "old first part");
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"out-1.cxf", "out-3.cxf"});
}

TEST_CASE("a FIFO or a device as OUTPUT is written to, not replaced", "[cli][io]") {
    test::TempDir dir;
    REQUIRE(::mkfifo(dir.path("p").c_str(), 0600) == 0);
    const auto r = run_cxf(dir, "convert '" + spec + "' p --to cxf --force", "/dev/null",
                           // cat waits for a writer: when cxf fails it may never come.
                           "sh -c 'cat p > got & \"$0\" \"$@\"; code=$?; [ $code = 0 ] || kill $!; wait; exit $code'");
    CHECK(r.exit_code == 0);
    struct stat st {};
    REQUIRE(::lstat(dir.path("p").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_THAT(test::read_text(dir.path("got")), Catch::Contains("\"exporterRpId\""));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"got", "p"});

    CHECK(run_cxf(dir, "convert '" + spec + "' /dev/null --to cxf --force").exit_code == 0);
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("a symbolic link as OUTPUT keeps the link and replaces the file it leads to", "[cli][io]") {
    test::TempDir dir;
    std::filesystem::create_directory(dir.path("synced"));
    test::write_file(dir.path("synced/vault.cxf"), "old");
    REQUIRE(::symlink("synced/vault.cxf", dir.path("vault.cxf").c_str()) == 0);
    CHECK(run_cxf(dir, "convert '" + spec + "' vault.cxf --force").exit_code == 0);
    struct stat st {};
    REQUIRE(::lstat(dir.path("vault.cxf").c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK_THAT(test::read_text(dir.path("synced/vault.cxf")), Catch::Contains("\"exporterRpId\""));
    CHECK(test::mode_of(dir.path("synced/vault.cxf")) == 0600);
    CHECK(list_dir(dir.path("synced")) == std::vector<std::string>{"vault.cxf"});

    // What /dev/stdout is: a link to the descriptor, here redirected to a file.
    REQUIRE(::symlink("/proc/self/fd/1", dir.path("stdout").c_str()) == 0);
    CHECK(run_cxf(dir, "convert '" + spec + "' stdout --to cxf --force", "/dev/null",
                  "sh -c '\"$0\" \"$@\" > got'")
              .exit_code == 0);
    REQUIRE(::lstat(dir.path("stdout").c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK_THAT(test::read_text(dir.path("got")), Catch::Contains("\"exporterRpId\""));
}

TEST_CASE("keygen refuses two names for the same file", "[cli][io]") {
    test::TempDir dir;
    test::write_file(dir.path("k.pem"), "old key");
    const auto r = run_cxf(dir, "cxp keygen k.pem ./k.pem --importer i.example --force");
    CHECK(r.exit_code == 2);
    CHECK(test::read_text(dir.path("k.pem")) == "old key");
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"k.pem"});
}

TEST_CASE("stdin over the input limit is refused holding little more than the limit", "[cli][io]") {
    test::TempDir dir;
    // 150 MiB offered against a 100 MiB limit in 195 MiB of address space: one copy of the limit fits,
    // a vector doubling its way up to it (two copies during a reallocation) does not.
    const auto r = run_cxf(dir, "inspect - --max-input-mib 100", "/dev/null",
                           "sh -c '" + test::address_space_cap(200000) + "head -c 150M /dev/zero | \"$0\" \"$@\"'");
    CHECK_THAT(r.err, Catch::Contains("<stdin>") && Catch::Contains("larger than the limit of 104857600 bytes"));
    CHECK(list_dir(dir.root().string()).empty());
}
