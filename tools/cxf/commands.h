// SPDX-License-Identifier: MIT
// The `cxf` subcommands. Each parses its own options and returns an exit code; cxf::Error and
// Boost.Program_options errors are turned into exit codes by main().
#pragma once

#include <string>
#include <vector>

namespace cxf::cli {

using Args = std::vector<std::string>;

int run_convert(const Args& args);
int run_inspect(const Args& args);
int run_validate(const Args& args);
int run_formats(const Args& args);
int run_cxp(const Args& args);
int run_merge(const Args& args);

}  // namespace cxf::cli
