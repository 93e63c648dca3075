// SPDX-License-Identifier: MIT
// Apple Passwords / Safari CSV exports (format id "apple-csv"): Title,URL,Username,Password,Notes,OTPAuth.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::apple_csv {

// One login item per row. Throws cxf::Error (malformed) at "line 1" for a header without Title, URL,
// Username or Password, at "line N, column M" for damaged CSV or a row longer than the header.
Vault read(const Input& input, const ReadOptions& options, Report& report);

}  // namespace cxf::apple_csv
