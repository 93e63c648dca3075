// SPDX-License-Identifier: MIT
// Many conversions in one run: which files a batch takes, where each one's output goes, and running
// them on a pool of threads (the KDF of each file is the costly part), each file's failure its own.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/pipeline/convert.h"

namespace cxf {

// The inputs `operands` name: a directory stands for the regular files directly in it (sorted by
// name, hidden ones left out), anything else for itself. Throws Errc::io for an unreadable directory.
std::vector<std::string> batch_inputs(std::span<const std::string> operands);

// The name of an input's output: its base name with its extension replaced by `to`'s — a format's
// extension as a whole ("x.bitwarden.json", "x.cxf.zip" → "x.kdbx"), else the last one ("x.json" →
// "x.kdbx"); a name without one gets `to`'s added.
std::string batch_output_name(std::string_view input, const Format& to);

struct BatchFile {
    std::string input;   // as found or given
    std::string output;  // OUT_DIR/NAME.EXT
    std::string report;  // REPORT_DIR/NAME.EXT.report.json
};

// Each input's output in `out_dir` and report in `report_dir`. Two inputs that would have one output,
// or an output or report that is one of the inputs, are Errc::usage naming both, before anything runs.
std::vector<BatchFile> plan_batch(const std::vector<std::string>& inputs, const std::string& out_dir,
                                  const std::string& report_dir, const Format& to);

struct BatchResult {
    Conversion conversion;              // for a skipped file, its input and output only
    bool skipped = false;               // its outputs were there already: not converted
    std::optional<std::string> report;  // the report file, when the file was converted
    double seconds = 0;                 // wall-clock time of its conversion
};

// Whether the outputs of a conversion are there: OUTPUT, or (with split) its first part.
bool outputs_exist(const ConvertOptions& options);

// Runs every conversion on `threads` threads (no more than there are conversions); the results come in
// the order of `conversions`. Outputs appear only complete, so one whose outputs exist is done and is
// skipped, unless its `overwrite` is set. `done` is called after each file, from the thread that ran
// it, one call at a time. A file's failure, whatever it is, is its result alone: the others go on.
std::vector<BatchResult> run_batch(std::vector<ConvertOptions> conversions, unsigned threads,
                                   const std::function<void(const BatchResult&)>& done);

// A file's status: 0 written, dry run or skipped; otherwise as exit_code(Conversion).
ExitCode exit_code(const BatchResult& result) noexcept;

// The batch's status: 0 when every file succeeded or was skipped, else the status every failed file
// shares, else 1 (exit_invalid_input).
ExitCode batch_exit_code(std::span<const BatchResult> results) noexcept;

}  // namespace cxf
