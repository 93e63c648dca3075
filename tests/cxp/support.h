// SPDX-License-Identifier: MIT
// Helpers for the CXP crypto tests: hex, catching the cxf::Error a call throws, files, and running the
// independent Python reference in tests/cxp/reference.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/error.h"
#include "cxf/secret.h"
#include "tests/support/thrown.h"

namespace test::cxp {

std::string hex(cxf::ByteView bytes);
cxf::Bytes unhex(std::string_view text);  // fails the test on bad hex

using test::thrown_by;

void write_file(const std::string& path, std::string_view bytes);

// The JWE `jwe` with part `index` (0 = protected header … 4 = tag) replaced by `text`.
std::string with_part(const std::string& jwe, std::size_t index, std::string_view text);
std::string part(const std::string& jwe, std::size_t index);

struct RunResult {
    int status = -1;     // the exit status, or -1 when the process did not exit normally
    std::string output;  // what it wrote to standard output
};
// Runs `/usr/bin/python3 -B tests/cxp/reference/<script> <arguments…>` (-B: no __pycache__ in the source tree).
RunResult run_reference(std::string_view script, const std::vector<std::string>& arguments);

}  // namespace test::cxp
