// SPDX-License-Identifier: MIT
// libcxf's C++ entry points for programs that read and write vaults themselves (the whole
// read-convert-write run with its report is cxf::convert, in cxf/pipeline/convert.h). Everything
// here and every type it names is public and stays source-compatible within a major version.
#pragma once

#include <string>

#include "cxf/error.h"
#include "cxf/export.h"
#include "cxf/io/input.h"
#include "cxf/model/vault.h"
#include "cxf/pipeline/read_as.h"
#include "cxf/plugin/format.h"
#include "cxf/report.h"

namespace cxf {

// A vault read from a file or buffer, the format it was read as, and what reading changed or found.
struct Loaded {
    Vault vault;
    const Format* format = nullptr;
    Report report;
};

// Reads `input` as `format`, or as the format its content shows when `format` is null. A CXF input
// is also validated (findings in the report). Throws cxf::Error.
CXF_API Loaded load(const Input& input, const ReadOptions& options, const Format* format = nullptr);


// The same for a file ("-": standard input), within options.limits: read in pieces when the format
// can (CXF JSON, Bitwarden JSON, KDBX 4), else whole.
CXF_API Loaded load_file(const std::string& path, const ReadOptions& options, const Format* format = nullptr);

struct SaveOptions {
    bool overwrite = false;  // replace an existing file
    bool strict = false;     // write nothing when the format cannot carry everything
};

// Writes `vault` as `format` to `path`: mode 0600, under a temporary name renamed into place when
// complete. CXF output must pass validation. Returns what the format could not carry (lost notices)
// and what it changed; with `strict`, a report with losses means nothing was written. Throws
// cxf::Error, and then leaves nothing behind.
CXF_API Report save_file(const Vault& vault, const std::string& path, const Format& format, const WriteOptions& options,
                         SaveOptions save = {});

}  // namespace cxf
