// SPDX-License-Identifier: MIT
// The bash completion script, driven as bash drives it: COMP_WORDS/COMP_CWORD in, COMPREPLY out.
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"
#include "tests/support/testdata.h"

namespace {

using test::TempDir;

// The words offered for the command line `words` (shell words, the last one being completed).
std::vector<std::string> complete(const TempDir& dir, const std::string& words, const std::string& env = "") {
    const std::string script = std::string(CXF_SOURCE_DIR) + "/tools/cxf/completion.bash";
    const std::string out = dir.path(".completions");
    const std::string program =
        "source '" + script + "'; COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); " +
        "_cxf '" + CXF_CLI_PATH + "' \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD - 1]}\"; " +
        "printf '%s\\n' \"${COMPREPLY[@]}\"";
    test::write_file(dir.path(".complete.sh"), program);
    const std::string command =
        "cd '" + dir.root().string() + "' && env " + env + " bash .complete.sh > '" + out + "'";
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    std::vector<std::string> words_out;
    std::istringstream lines(test::read_text(out));
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) words_out.push_back(line);
    std::sort(words_out.begin(), words_out.end());
    return words_out;
}

bool has(const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

TEST_CASE("completion offers every command of cxf --help and completes a prefix") {
    TempDir dir;
    const auto all = complete(dir, "cxf ''");
    for (const char* command : {"convert", "inspect", "validate", "formats", "cxp", "--help", "--version"})
        CHECK(has(all, command));
    CHECK(complete(dir, "cxf con") == std::vector<std::string>{"convert"});
    CHECK(complete(dir, "cxf cxp ''") == std::vector<std::string>{"keygen"});
}

TEST_CASE("completion offers the options of the command being typed") {
    TempDir dir;
    const auto kdbx = complete(dir, "cxf convert in.json --kdbx-");
    CHECK(has(kdbx, "--kdbx-version"));
    CHECK(has(kdbx, "--kdbx-unlock-ms"));
    CHECK(std::all_of(kdbx.begin(), kdbx.end(), [](const std::string& w) { return w.rfind("--kdbx-", 0) == 0; }));
    CHECK(has(complete(dir, "cxf inspect --"), "--json"));
    CHECK_FALSE(has(complete(dir, "cxf inspect --"), "--out-password-file"));
    CHECK(complete(dir, "cxf cxp keygen --k") == std::vector<std::string>{"--kem"});
}

TEST_CASE("completion offers format ids, environment variables and files where an option takes them") {
    TempDir dir;
    const auto ids = complete(dir, "cxf convert in.json out --to ''");
    for (const char* id : {"kdbx", "cxf", "cxp", "cxf-archive", "bitwarden", "bitwarden-csv", "1pux", "1password-csv"})
        CHECK(has(ids, id));
    CHECK_FALSE(has(ids, "ID"));
    CHECK(complete(dir, "cxf convert in --from bit") == std::vector<std::string>{"bitwarden", "bitwarden-csv"});

    CHECK(has(complete(dir, "cxf convert in --password-env CXF_COMPLETION_", "CXF_COMPLETION_TEST=1"),
              "CXF_COMPLETION_TEST"));

    test::write_file(dir.path("vault.kdbx"), "");
    CHECK(complete(dir, "cxf convert in --key-file va") == std::vector<std::string>{"vault.kdbx"});
    CHECK(complete(dir, "cxf convert va") == std::vector<std::string>{"vault.kdbx"});
    CHECK(complete(dir, "cxf convert in --kdbx-version ''").empty());
}
