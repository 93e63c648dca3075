// SPDX-License-Identifier: MIT
// Reading one input as a given format: the step cxf::load() (cxf/api/library.h), convert() and
// merge_files() share.
#pragma once

#include "cxf/export.h"
#include "cxf/io/input.h"
#include "cxf/model/vault.h"
#include "cxf/plugin/format.h"
#include "cxf/report.h"

namespace cxf {

// Reads `input` as `format`; a CXF document is also validated. Notices go to `report`. Throws
// cxf::Error.
CXF_API Vault read_as(const Input& input, const Format& format, const ReadOptions& options, Report& report);

}  // namespace cxf
