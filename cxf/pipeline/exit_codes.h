// SPDX-License-Identifier: MIT
// The status of a run: what the cxf program exits with, part of its contract with scripts (docs/cli.md).
#pragma once

#include "cxf/error.h"

namespace cxf {

enum ExitCode : int {
    exit_ok = 0,
    exit_invalid_input = 1,   // malformed, unsupported, damaged or invalid input; nothing recognised it
    exit_usage = 2,           // bad command line, or a needed password/key was not given
    exit_wrong_password = 3,  // the password or key file does not open the input
    exit_losses_refused = 4,  // --strict, and the output could not hold everything
    exit_io = 5,              // cannot read or write a file; the output exists and --force was not given
};

ExitCode exit_code_for(Errc code) noexcept;

}  // namespace cxf
