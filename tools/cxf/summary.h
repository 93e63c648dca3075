// SPDX-License-Identifier: MIT
// What `cxf` tells people (stderr) and programs (--report JSON) about a run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "cxf/error.h"
#include "cxf/model/counts.h"
#include "cxf/report.h"

namespace cxf::cli {

// One line per kind of notice (kind, field and message), by kind: a notice alone with its place, a
// group with its count and its first few item titles. The full list is in the report.
void print_notices(const Report& report);

std::string describe_counts(const Counts& counts);

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// The members accounts, collections, items, credentials (per type) and attachmentsWithBytes, into the
// object being written (cxf inspect --json and --report).
void write_counts(JsonWriter& w, const Counts& counts);

struct RunRecord {
    std::string input, input_format, output, output_format;
    std::vector<std::string> outputs;  // the files written (several with --split)
    bool written = false;
    bool dry_run = false;
    int exit_code = 0;
    std::optional<Counts> counts;
    std::optional<Error> error;
};

// The machine-readable report: the run, the counts and every notice, as JSON text.
std::string report_json(const RunRecord& run, const Report& report);

}  // namespace cxf::cli
