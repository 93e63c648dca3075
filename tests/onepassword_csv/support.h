// SPDX-License-Identifier: MIT
// Helpers for the 1Password CSV tests: reading CSV text or fixtures and writing a vault as CSV.
// Items and credentials are found with the 1PUX tests' helpers (tests/onepux/support.h).
#pragma once

#include <string>
#include <string_view>

#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "tests/onepux/support.h"

namespace opcsv_test {

inline constexpr std::string_view sample8 = "1password/pass-import-1password8.csv";
inline constexpr std::string_view sample7 = "1password/pass-import-1password7.csv";
inline constexpr std::string_view header8 = "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n";

cxf::Vault read_fixture(std::string_view relative, cxf::Report& report);
cxf::Vault read_text(std::string_view text, cxf::Report& report);
std::string write_text(const cxf::Vault& vault, cxf::Report& report);

// The text of a field, "<absent>" when there is none.
using onepux_test::value;

}  // namespace opcsv_test
