// SPDX-License-Identifier: MIT
// What `cxf` tells people on stderr about a run (programs get cxf::report_json).
#pragma once

#include <string>

#include "cxf/model/counts.h"
#include "cxf/report.h"

namespace cxf::cli {

// One line per kind of notice (kind, field and message), by kind: a notice alone with its place, a
// group with its count and its first few item titles. The full list is in the report.
void print_notices(const Report& report);

std::string describe_counts(const Counts& counts);

}  // namespace cxf::cli
