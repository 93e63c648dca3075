// SPDX-License-Identifier: MIT
// Vault → Apple Passwords CSV (format id "apple-csv"): one row per website of each login, everything else
// reported lost by name.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::apple_csv {

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::apple_csv
