// SPDX-License-Identifier: MIT
// Option handling shared by the subcommands that read an input.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cxf/formats/format.h"

namespace cxf::cli {

namespace po = boost::program_options;

// Parses `args`; prints `usage` and the options and returns false on --help.
bool parse_args(const std::vector<std::string>& args, const std::string& usage, const po::options_description& options,
                const po::positional_options_description& positional, po::variables_map& vm);

// --from, --password-file/-env/-fd, --key-file and the --max-* limits.
po::options_description input_options();

// The read options those give, for the input named `input`.
ReadOptions read_options(const po::variables_map& vm, const std::string& input);

// The format named by --from, or the one the content shows.
const Format& input_format(const po::variables_map& vm, const Input& input);

}  // namespace cxf::cli
