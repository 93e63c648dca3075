// SPDX-License-Identifier: MIT
// A whole conversion as one call: read (detecting the format), validate CXF input, map, write every
// part, and say what happened — the same for the CLI and for programs that link libcxf.
#pragma once

#include "cxf/export.h"
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cxf/error.h"
#include "cxf/merge/merge.h"
#include "cxf/model/counts.h"
#include "cxf/pipeline/exit_codes.h"
#include "cxf/plugin/format.h"
#include "cxf/report.h"
#include "cxf/select/select.h"

namespace cxf {

// What every run that writes a vault is told about its output: convert() and merge_files().
struct OutputOptions {
    std::string output;                // a path, or "-" for standard output
    const Format* to = nullptr;        // required
    WriteOptions write;
    bool overwrite = false;            // replace existing outputs
    bool strict = false;               // write nothing when anything would be lost or invalid
    bool dry_run = false;              // do everything but write the outputs
    std::size_t split = 0;             // at most this many items per output file (0: one file)
    std::optional<std::string> report; // where to write the report JSON (report_json), also on failure
    bool replace_report = false;       // replace an existing report even without `overwrite`
    OptionNames option_names = option_in_backquotes;  // how the report names options
    Selection selection;               // the items written (none: all); the others are left out, not lost
};

struct ConvertOptions : OutputOptions {
    std::string input;                 // a path, or "-" for standard input
    const Format* from = nullptr;      // null: detected from the input's content
    ReadOptions read;
    // Called once the input's format is known, before it is read: fills that format's read options.
    std::function<void(const Format& from, ReadOptions& read)> prepare_read;
    // Called once the input is read, before anything is written (e.g. to say what was read).
    std::function<void(const struct Conversion& so_far)> on_read;
};

enum class Outcome : unsigned char {
    written,         // every output is in place
    dry_run,         // nothing written, as asked
    losses_refused,  // strict, and something would have been lost or is invalid CXF: nothing written
    failed,          // `error` says why; nothing written
};

// One input of a merge: its format and counts once it is read.
struct InputRead {
    std::string file, format;
    std::optional<Counts> counts;
};

// What a merge recognised (cxf/merge/merge.h).
struct MergeFindings {
    std::vector<MergedDuplicate> duplicates;
    std::vector<MergeConflict> conflicts;
};

// What a conversion (or a merge) did: the same facts the report JSON holds.
struct Conversion {
    std::string input, input_format, output, output_format;  // a merge has `inputs` instead of input
    std::vector<std::string> outputs;  // the files (several with split), "-" for standard output
    std::optional<Counts> counts;      // what was read (a merge: the merged vault)
    std::vector<InputRead> inputs;     // a merge: every input, and what was read of each
    std::optional<MergeFindings> merge;
    std::vector<std::string> filters;          // as given
    std::optional<SelectionCount> selection;  // with filters: the items written out of those read
    bool dry_run = false;              // as asked, whatever the outcome
    Report report;
    std::size_t invalid_output = 0;    // CXF rules the CXF output would break (findings in the report)
    Outcome outcome = Outcome::failed;
    std::optional<Error> error;
};

// The status a caller exits with: 0 written or dry run, 4 losses refused, else the error's code.
CXF_API ExitCode exit_code(const Conversion& conversion) noexcept;

// Never throws cxf::Error: a failure is the Conversion's `error`, and no output (nor temp file) is
// left behind. "-" as output streams to standard output once everything succeeded.
CXF_API Conversion convert(ConvertOptions options);

// Writes the report of a run refused before convert() or merge_files() could start (e.g. a bad command line)
// to options.report, as convert() would. Throws cxf::Error when it cannot.
void save_report(const OutputOptions& options, const Conversion& conversion);

// "out.json", part 2 → "out-2.json"; the number goes before the format's own extension when the name
// ends with one ("v.cxf.zip" → "v-2.cxf.zip").
std::string part_name(const std::string& output, std::size_t part, const Format& format);

}  // namespace cxf
