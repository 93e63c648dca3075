// SPDX-License-Identifier: MIT
// `cmake --install` puts the program, its man page and its bash completion where a system finds them.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"
#include "tests/support/testdata.h"

TEST_CASE("cmake --install installs cxf, its man page and its bash completion") {
    test::TempDir dir;
    const std::string prefix = dir.path("prefix");
    const std::string log = dir.path("install.log");
    const std::string install = "cmake --install '" + std::string(CXF_BUILD_DIR) + "' --prefix '" + prefix + "' > '" + log + "' 2>&1";
    const int status = std::system(install.c_str());
    INFO(test::read_text(log));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    const std::string program = prefix + "/bin/cxf";
    CHECK(test::mode_of(program) & 0111);
    const std::string version = dir.path("version");
    REQUIRE(std::system(("'" + program + "' --version > '" + version + "'").c_str()) == 0);
    CHECK(test::read_text(version).rfind("cxf ", 0) == 0);

    const std::string man = prefix + "/share/man/man1/cxf.1";
    CHECK(test::read_text(man) == test::read_text(std::string(CXF_SOURCE_DIR) + "/docs/cxf.1"));

    // The installed completion, sourced as bash-completion does, completes with the installed program.
    const std::string completion = prefix + "/share/bash-completion/completions/cxf";
    const std::string out = dir.path("completion");
    test::write_file(dir.path("complete.sh"),
                     "source '" + completion + "'; COMP_WORDS=(cxf conv); COMP_CWORD=1; _cxf '" + program +
                         "' conv cxf; printf '%s\\n' \"${COMPREPLY[@]}\"; complete -p cxf");
    REQUIRE(std::system(("bash '" + dir.path("complete.sh") + "' > '" + out + "'").c_str()) == 0);
    CHECK(test::read_text(out) == "convert\ncomplete -o bashdefault -o filenames -F _cxf cxf\n");
}
