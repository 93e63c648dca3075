// SPDX-License-Identifier: MIT
// CXF 1.0 rules checked on the model: ids, keys, TOTP, dates, enums, references.
#pragma once

#include <string_view>

#include "cxf/export.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf {

// Adds one finding per broken rule to `report` (Severity::error for what the spec forbids,
// Severity::warning for what it discourages or what importers will ignore), each with the JSON
// pointer of the place in the CXF document the vault was read from (or would be written as).
CXF_API void validate(const Vault& vault, Report& report);

// Whether text is a CXF year-month (YYYY-MM) or date (YYYY-MM-DD, a real calendar day): what readers
// check before giving a value those field types.
bool valid_year_month(std::string_view s);
bool valid_date(std::string_view s);

}  // namespace cxf
