// SPDX-License-Identifier: MIT
// Vault → Bitwarden CSV export (format id "bitwarden-csv"): logins and notes only, everything else
// reported lost by name.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::bitwarden_csv {

// Takes WriteOptions::bitwarden_csv (the layout; as read by default).
void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::bitwarden_csv
