// SPDX-License-Identifier: MIT
// Field types for the free-text values of Bitwarden's identity-like objects.
#pragma once

#include <string_view>

#include "cxf/model/field.h"

namespace cxf::bitwarden_json {

// `date` for a YYYY-MM-DD value, `string` for anything else (kept as written either way).
FieldType date_type(std::string_view value) noexcept;
// `country-code` for two capital letters, `string` for anything else ("United States").
FieldType country_type(std::string_view value) noexcept;

}  // namespace cxf::bitwarden_json
