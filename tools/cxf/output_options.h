// SPDX-License-Identifier: MIT
// Output option handling shared by the subcommands that write a converted vault (convert, batch).
#pragma once

#include <string>

#include <boost/program_options.hpp>

#include "cxf/plugin/format.h"

namespace cxf::cli {

namespace po = boost::program_options;

// --out-password-file/-env/-fd, --allow-empty-password and --out-key-file.
po::options_description output_password_options();

// The format --to names, which must be given and writable.
const Format& named_output_format(const po::variables_map& vm);

// The write options those give for `format`; `output` names the output(s) in the password prompt. An
// output password is never ignored: it turns on the encryption of a format that has it optional, and
// is refused by a format that cannot encrypt with one.
WriteOptions write_options(const po::variables_map& vm, const std::string& output, const Format& format);

}  // namespace cxf::cli
