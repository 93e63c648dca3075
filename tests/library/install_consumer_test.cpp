// SPDX-License-Identifier: MIT
// `cmake --install` installs what a system and other projects need: the cxf program with its man page
// and bash completion, and libcxf, which find_package(cxf), pkg-config (shared and static) and
// Python's ctypes each use to convert a file exactly as the cxf program does.
#include <sys/wait.h>

#include <cstdlib>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"
#include "tests/support/testdata.h"

namespace {

const std::string source_dir = CXF_SOURCE_DIR;
const std::string sample = test::testdata("1password/keepassxc-1PasswordExport.1pux");

// A libcxf built with sanitizers (CXF_SANITIZE) needs its consumers built with them too, and a
// Python that loads it needs the AddressSanitizer runtime preloaded, ahead of every other library.
const std::string sanitize = CXF_SANITIZE;
const std::string consumer_flags = sanitize.empty() ? "" : " -fsanitize=" + sanitize;
const std::string python_env =
    sanitize.find("address") == std::string::npos ? "" : "LD_PRELOAD=\"$(cc -print-file-name=libasan.so)\" ASAN_OPTIONS=detect_leaks=0 ";

// Runs a shell command in `dir`; its output goes to `log`, shown when the test fails.
void run(const test::TempDir& dir, const std::string& command, const std::string& log = "log") {
    const int status = std::system(("cd '" + dir.root().string() + "' && (" + command + ") > " + log + " 2>&1").c_str());
    INFO(command << "\n" << test::read_text(dir.path(log)));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

// One installation, and what `cxf convert` makes of the sample, for the whole test case: Catch runs
// the case again for each section.
const test::TempDir& installation() {
    static const std::unique_ptr<test::TempDir> dir = [] {
        auto d = std::make_unique<test::TempDir>();
        run(*d, "cmake --install '" + std::string(CXF_BUILD_DIR) + "' --prefix prefix");
        run(*d, "'" + std::string(CXF_CLI_PATH) + "' convert '" + sample + "' expected.cxf");
        return d;
    }();
    return *dir;
}

}  // namespace

TEST_CASE("an installed libcxf converts like the cxf program through CMake, pkg-config and Python", "[library]") {
    const test::TempDir& dir = installation();
    for (const char* file : {"lib/libcxf.so", "lib/libcxf.a", "include/cxf/cxf.h", "include/cxf/api/library.h",
                             "lib/cmake/cxf/cxfConfig.cmake", "lib/pkgconfig/cxf.pc"})
        CHECK(std::filesystem::exists(dir.path("prefix/" + std::string(file))));
    CHECK(std::filesystem::read_symlink(dir.path("prefix/lib/libcxf.so")) == "libcxf.so.0");

    const std::string expected = test::read_text(dir.path("expected.cxf"));
    REQUIRE(!expected.empty());

    SECTION("the cxf program, its man page and its bash completion") {
        const std::string program = dir.path("prefix/bin/cxf");
        CHECK(test::mode_of(program) & 0111);
        run(dir, "'" + program + "' --version", "version");
        CHECK(test::read_text(dir.path("version")).rfind("cxf ", 0) == 0);
        CHECK(test::read_text(dir.path("prefix/share/man/man1/cxf.1")) == test::read_text(source_dir + "/docs/cxf.1"));
        // The installed completion, sourced as bash-completion does, completes with the installed program.
        test::write_file(dir.path("complete.sh"),
                         "source '" + dir.path("prefix/share/bash-completion/completions/cxf") +
                             "'; COMP_WORDS=(cxf conv); COMP_CWORD=1; _cxf '" + program +
                             "' conv cxf; printf '%s\\n' \"${COMPREPLY[@]}\"; complete -p cxf");
        run(dir, "bash complete.sh", "completion");
        CHECK(test::read_text(dir.path("completion")) == "convert\ncomplete -o bashdefault -o filenames -F _cxf cxf\n");
    }
    SECTION("find_package(cxf): the C example and the C++ example") {
        run(dir, "cmake -S '" + source_dir + "/examples' -B examples -DCMAKE_PREFIX_PATH=\"$PWD/prefix\" -DCMAKE_C_FLAGS='" +
                     consumer_flags + "' -DCMAKE_CXX_FLAGS='" + consumer_flags + "' && cmake --build examples");
        run(dir, "examples/convert '" + sample + "' by-c.cxf cxf", "c.out");
        CHECK(test::read_text(dir.path("by-c.cxf")) == expected);
        CHECK(test::read_text(dir.path("c.out")).find("1pux -> cxf: 9 items, 1 not carried") == 0);
        run(dir, "examples/list_items '" + sample + "'", "cpp.out");
        const std::string listed = test::read_text(dir.path("cpp.out"));
        CHECK(listed.find("1pux\n") == 0);
        CHECK(listed.find("  Home Wifi:") != std::string::npos);
    }
    SECTION("pkg-config: the C example linked with the shared and with the static library") {
        const std::string pc = "PKG_CONFIG_PATH=\"$PWD/prefix/lib/pkgconfig\" pkg-config";
        run(dir, "cc" + consumer_flags + " '" + source_dir + "/examples/c/convert.c' -o shared $(" + pc + " --cflags --libs cxf)");
        run(dir, "LD_LIBRARY_PATH=\"$PWD/prefix/lib\" ./shared '" + sample + "' by-shared.cxf cxf");
        CHECK(test::read_text(dir.path("by-shared.cxf")) == expected);
        run(dir, "cc" + consumer_flags + " '" + source_dir + "/examples/c/convert.c' -o static $(" + pc +
                     " --cflags cxf) -Wl,-Bstatic -lcxf -Wl,-Bdynamic $(" + pc + " --static --libs cxf | sed 's/ -lcxf / /')");
        run(dir, "ldd ./static | grep -c libcxf || true", "ldd.out");
        CHECK(test::read_text(dir.path("ldd.out")) == "0\n");
        run(dir, "./static '" + sample + "' by-static.cxf cxf");
        CHECK(test::read_text(dir.path("by-static.cxf")) == expected);
    }
    SECTION("Python through ctypes") {
        run(dir, python_env + "/usr/bin/python3 '" + source_dir + "/examples/python/convert.py' prefix/lib/libcxf.so.0 '" + sample +
                     "' by-python.cxf cxf", "python.out");
        CHECK(test::read_text(dir.path("by-python.cxf")) == expected);
        CHECK(test::read_text(dir.path("python.out")) == "libcxf 0.1.0: 1pux -> cxf, 1 not carried\n");
    }
}
