// SPDX-License-Identifier: MIT
// Bitwarden CSV exports (format id "bitwarden-csv"): logins and secure notes, individual layout
// (folder, favorite, …) or organisation layout (collections, …).
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::bitwarden_csv {

// Throws cxf::Error at "line N, column M" for a damaged cell, at "line N" for a row of the wrong length.
Vault read(const Input& input, const ReadOptions& options, Report& report);

}  // namespace cxf::bitwarden_csv
