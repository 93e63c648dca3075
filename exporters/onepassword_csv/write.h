// SPDX-License-Identifier: MIT
// Vault → 1Password 8's CSV layout (format id "1password-csv"): one row per item, everything the
// layout has no column for reported lost by name.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::onepassword_csv {

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::onepassword_csv
