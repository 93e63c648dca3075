// SPDX-License-Identifier: MIT
// The machine-readable account of a batch (docs/cli.md, "cxf batch"): the run, the totals, and per
// file its input, format, outputs, outcome, exit code, counts, error and time. Never a secret value.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cxf/error.h"
#include "cxf/pipeline/batch.h"

namespace cxf {

struct BatchRun {
    std::string to;                     // the output format's id
    std::string output_directory, report_directory;
    bool dry_run = false;
    unsigned jobs = 1;
    double seconds = 0;                 // the whole run's wall-clock time
};

// "written", "dryRun", "skipped", "refused" (--strict: losses or invalid CXF) or "failed".
std::string_view outcome_name(const BatchResult& result) noexcept;

// `names` renders the options messages name (see cxf::Error).
std::string batch_summary_json(std::span<const BatchResult> results, const BatchRun& run, const OptionNames& names);

}  // namespace cxf
