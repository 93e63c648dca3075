// SPDX-License-Identifier: MIT
// Helpers for the Apple, Chrome and Firefox CSV tests: reading CSV text with a named format, writing
// a vault as one, the rows of a written file, and the notices of a report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cxf/error.h"
#include "cxf/model/vault.h"
#include "cxf/plugin/format.h"
#include "cxf/report.h"

namespace browser_test {

inline constexpr std::string_view apple_sample = "csv/synthetic-apple.csv";
inline constexpr std::string_view chrome_sample = "csv/pass-import-chrome.csv";
inline constexpr std::string_view firefox_sample = "csv/pass-import-firefox.csv";
inline constexpr std::string_view chrome_1252_sample = "csv/synthetic-chrome-windows-1252.csv";

using Rows = std::vector<std::vector<std::string>>;

cxf::Vault read_text(std::string_view format, std::string_view text, cxf::Report& report, cxf::ReadOptions options = {});
cxf::Vault read_fixture(std::string_view format, std::string_view relative, cxf::Report& report, cxf::ReadOptions options = {});
std::string write_text(std::string_view format, const cxf::Vault& vault, cxf::Report& report);

// The vault written as CXF JSON and read back, as a file converted to CXF and on would be.
cxf::Vault through_cxf(const cxf::Vault& vault);

// The records of CSV text, header first, each cell as text.
Rows rows_of(std::string_view text);

// The notice of `kind` whose field is `field` about the item titled `item`, or null.
const cxf::Notice* notice(const cxf::Report& report, cxf::NoticeKind kind, std::string_view item, std::string_view field);
// Whether a notice of `kind` has `text` in its message.
bool has_message(const cxf::Report& report, cxf::NoticeKind kind, std::string_view text);

}  // namespace browser_test
