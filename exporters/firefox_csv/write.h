// SPDX-License-Identifier: MIT
// Vault → Firefox CSV (format id "firefox-csv"): one row per website of each login, everything else
// reported lost by name.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::firefox_csv {

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::firefox_csv
