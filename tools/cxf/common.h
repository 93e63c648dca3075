// SPDX-License-Identifier: MIT
// Option handling shared by the subcommands that read an input.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cxf/plugin/format.h"
#include "tools/cxf/passwords.h"

namespace cxf::cli {

namespace po = boost::program_options;

// Parses `args` against the `options` shown in --help and the `operands` (named by `positional`,
// not shown); prints `usage` and the options and returns false on --help.
bool parse_args(const std::vector<std::string>& args, const std::string& usage, const po::options_description& options,
                const po::options_description& operands, const po::positional_options_description& positional,
                po::variables_map& vm);

// --from (unless not `with_from`), --password-file/-env/-fd, --key-file, the --max-* limits and
// every format's read options.
po::options_description input_options(bool with_from = true);

// Every format's own options of one direction (Format::read_options or ::write_options), as
// --NAME VALUE, or flags when they take no value.
po::options_description format_options(std::span<const FormatOption> Format::*which, const char* caption);

// The password source given by --PREFIX-file, --PREFIX-env or --PREFIX-fd (at most one).
PasswordOptions password_source(const po::variables_map& vm, const std::string& prefix);

// The read options those give, for the input named `input`.
ReadOptions read_options(const po::variables_map& vm, const std::string& input);

// The format named by --from, or the one the content shows.
const Format& input_format(const po::variables_map& vm, const Input& input);
const Format& named_input_format(const po::variables_map& vm);  // --from, which must be given

// -v/--verbose, for the commands that detect their inputs' formats (convert, merge); `with_from` as
// for input_options.
po::options_description verbose_option(bool with_from = true);

// With -v: says on stderr which format `input` is read as, and whether --from named it or its
// content showed it.
void say_format(const po::variables_map& vm, const std::string& input, const Format& format);

}  // namespace cxf::cli
