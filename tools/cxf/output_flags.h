// SPDX-License-Identifier: MIT
// What `cxf convert` and `cxf merge` share about their output: the flags, their reading into
// OutputOptions, and what is said on stderr once the run is over.
#pragma once

#include <boost/program_options.hpp>

#include "cxf/pipeline/convert.h"

namespace cxf::cli {

namespace po = boost::program_options;

// --to, --out-password-*, --allow-empty-password, --out-key-file, --report, --dry-run, --strict,
// --force, --split, --filter.
po::options_description output_options();

// Everything but the output's format flags' owner check is read here; `o.output` must be set.
// A bad flag (a filter too) is a po::error.
void apply_output_flags(const po::variables_map& vm, OutputOptions& o);

// Writes the report of a run refused for `error` before it started, if a report was asked for.
void save_refusal(const OutputOptions& o, Conversion refused, const std::string& error);

// Prints the notices and the outcome of a finished run on stderr; the run's exit code.
int finish(const Conversion& c);

}  // namespace cxf::cli
