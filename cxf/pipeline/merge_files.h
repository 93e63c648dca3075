// SPDX-License-Identifier: MIT
// A merge as one call: read every input (each format detected), combine them (cxf/merge), and write
// the result the way convert() writes, with the same report, plus the inputs and what was merged.
#pragma once

#include "cxf/export.h"
#include <functional>
#include <string>
#include <vector>

#include "cxf/pipeline/convert.h"

namespace cxf {

struct MergeOptions : OutputOptions {
    std::vector<std::string> inputs;   // paths; "-" (standard input) at most once
    Limits limits;                     // for every input
    // Called for each input once its format is known, before it is read: fills its read options
    // (its password, its format's options). `read.limits` is already set.
    std::function<void(const std::string& input, const Format& from, ReadOptions& read)> prepare_read;
    // Called once every input is read, before they are merged and anything is written.
    std::function<void(const Conversion& so_far)> on_read;
};

// Never throws cxf::Error: a failure (of any input) is the Conversion's `error`, and nothing is
// written. The Conversion's `inputs` lists each input read, `merge` what was merged, `counts` the
// merged vault.
CXF_API Conversion merge_files(MergeOptions options);

}  // namespace cxf
