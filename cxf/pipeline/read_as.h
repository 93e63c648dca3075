// SPDX-License-Identifier: MIT
// Reading one input as a given format: the step cxf::load() (cxf/api/library.h), convert() and
// merge_files() share.
#pragma once

#include "cxf/export.h"
#include <functional>
#include <string>

#include "cxf/io/input.h"
#include "cxf/model/vault.h"
#include "cxf/plugin/format.h"
#include "cxf/report.h"

namespace cxf {

// Reads `input` as `format`; a CXF document is also validated. Notices go to `report`. Throws
// cxf::Error.
CXF_API Vault read_as(const Input& input, const Format& format, const ReadOptions& options, Report& report);

// Reads the file `path` ("-": standard input) in the same way, as `format`, or when that is null as
// the format its first bytes show (`format` is then set to it). `prepare`, if any, fills the read
// options once the format is known. A format that reads in pieces gets them as the file is read, so
// the file is never in memory whole.
CXF_API Vault read_file_as(const std::string& path, const Format*& format, ReadOptions& options,
                           const std::function<void(const Format&, ReadOptions&)>& prepare, Report& report);

}  // namespace cxf
