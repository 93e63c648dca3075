// SPDX-License-Identifier: MIT
// The machine-readable account of a conversion (docs/cli.md, "--report"): input, output, outcome,
// error, counts and every notice. Never a secret value.
#pragma once

#include "cxf/export.h"
#include <string>

#include "cxf/error.h"
#include "cxf/json/builder.h"
#include "cxf/model/counts.h"
#include "cxf/pipeline/convert.h"

namespace cxf {

// `exit_code` is the caller's status for the run (the CLI's exit code); `names` renders the options
// messages name (see cxf::Error).
CXF_API std::string report_json(const Conversion& conversion, int exit_code, const OptionNames& names);

// The member "error": its code, file, place and message (options named by `names`).
void write_error(json::Builder& out, const Error& error, const OptionNames& names);

// The members accounts, collections, items, credentials (per type) and attachmentsWithBytes, into the
// object being written.
void write_counts(json::Builder& out, const Counts& counts);

}  // namespace cxf
