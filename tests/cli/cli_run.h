// SPDX-License-Identifier: MIT
// Runs the real `cxf` program for the CLI tests and captures what it did.
#pragma once

#include <string>

#include "tests/support/testdata.h"

namespace test {

struct CliResult {
    int exit_code = -1;
    std::string out, err;
};

// Runs `cxf <args>` through /bin/sh in `dir` (args are shell words: quote what needs it), with
// `stdin_path` as standard input and `env` (e.g. "PW=secret") in the environment. Memory is capped
// with ulimit -v so a run that tried to hold an input's worth of copies would fail.
CliResult run_cxf(const TempDir& dir, const std::string& args, const std::string& stdin_path = "/dev/null",
                  const std::string& env = "");

// "ulimit -v KIB && " for a shell command; nothing in an AddressSanitizer build, which needs far more
// address space than it uses.
std::string address_space_cap(unsigned long kib);

// The entries of a directory, sorted ("." and ".." left out).
std::vector<std::string> list_dir(const std::string& path);

// The permission bits of a file (e.g. 0600).
unsigned mode_of(const std::string& path);

void write_file(const std::string& path, std::string_view content);

}  // namespace test
