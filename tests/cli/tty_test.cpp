// SPDX-License-Identifier: MIT
// On a terminal, a missing password is asked for without echo (driven through a pseudo-terminal).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <csignal>

#include "tests/cli/cli_run.h"

TEST_CASE("a terminal gets a password prompt that does not echo", "[cli][password]") {
    test::TempDir dir;
    const std::string script = std::string(CXF_SOURCE_DIR) + "/tests/cli/scripts/tty_prompt.py";
    const std::string input = test::testdata("bitwarden/keepassxc-bitwarden_encrypted_export.json");
    const std::string out = dir.path("out.cxf");
    const std::string shown = dir.path("shown.txt");
    const std::string command = "/usr/bin/python3 '" + script + "' 'pa55-Wd' '" + CXF_CLI_PATH + "' convert '" + input +
                                "' '" + out + "' > '" + shown + "'";
    const int status = std::system(command.c_str());
    const std::string terminal = test::read_text(shown);
    CAPTURE(terminal);
    // The prompt was shown and answered; the typed password never appeared on the terminal.
    CHECK_THAT(terminal, Catch::Contains("Enter the password of"));
    CHECK(terminal.find("pa55-Wd") == std::string::npos);
    // "pa55-Wd" is not this file's password: the answer was read and tried.
    CHECK(WEXITSTATUS(status) == 3);
    // The right one ("a") opens it.
    const std::string right = "/usr/bin/python3 '" + script + "' 'a' '" + CXF_CLI_PATH + "' convert '" + input + "' '" + out +
                              "' > '" + shown + "'";
    CHECK(WEXITSTATUS(std::system(right.c_str())) == 0);
    CHECK(test::mode_of(out) == 0600);
}

TEST_CASE("Ctrl-C at the password prompt turns echo back on and leaves no output", "[cli][password]") {
    test::TempDir dir;
    const std::string script = std::string(CXF_SOURCE_DIR) + "/tests/cli/scripts/tty_prompt.py";
    const std::string input = test::testdata("bitwarden/keepassxc-bitwarden_encrypted_export.json");
    const std::string shown = dir.path("shown.txt");
    const std::string command = "/usr/bin/python3 '" + script + "' --interrupt '" + CXF_CLI_PATH + "' convert '" + input + "' '" +
                                dir.path("out.cxf") + "' > '" + shown + "'";
    REQUIRE(WEXITSTATUS(std::system(command.c_str())) == 0);
    const std::string result = test::read_text(shown);
    CHECK(result == "signal " + std::to_string(SIGINT) + "\necho on\n");
    CHECK(test::list_dir(dir.root().string()) == std::vector<std::string>{"shown.txt"});
}

TEST_CASE("Ctrl-D at the prompt for a new password is an empty password and is refused", "[cli][password]") {
    test::TempDir dir;
    const std::string script = std::string(CXF_SOURCE_DIR) + "/tests/cli/scripts/tty_prompt.py";
    const std::string input = test::testdata("cxf/spec-appendix-a-32-byte-hash.json");
    const std::string shown = dir.path("shown.txt");
    // `timeout`: a run that went on to the repeat prompt would wait there for ever.
    const std::string command = "timeout 60 /usr/bin/python3 '" + script + "' --eof '" + CXF_CLI_PATH + "' convert '" +
                                input + "' '" + dir.path("out.kdbx") + "' --kdbx-kdf aes-kdf --kdbx-iterations 1000 > '" +
                                shown + "'";
    const int status = std::system(command.c_str());
    const std::string terminal = test::read_text(shown);
    CAPTURE(terminal);
    CHECK(WEXITSTATUS(status) == 2);
    CHECK_THAT(terminal, Catch::Contains("the prompt: the new password is empty"));
    CHECK(terminal.find("Repeat") == std::string::npos);
    CHECK(test::list_dir(dir.root().string()) == std::vector<std::string>{"shown.txt"});
}
