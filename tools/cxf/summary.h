// SPDX-License-Identifier: MIT
// What `cxf` tells people on stderr about a run (programs get cxf::report_json).
#pragma once

#include <string>

#include "cxf/model/counts.h"
#include "cxf/report.h"

namespace cxf::cli {

// One line per notice, grouped by kind, at most `limit` lines of each kind.
void print_notices(const Report& report, std::size_t limit);

std::string describe_counts(const Counts& counts);

}  // namespace cxf::cli
