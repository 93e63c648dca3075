// SPDX-License-Identifier: MIT
// Reporting what a writer cannot carry, the same way in every exporter.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf {

// The JSON pointer of an item in the vault seen as a CXF document: what every writer uses as the
// place of a loss (with "/credentials/N" or "/history/N" appended below it).
std::string item_place(std::size_t account, std::size_t item);

// Reports as lost every extension in the vault — on accounts, collections, items (history included),
// credentials and fields — except the ones named `keep` (the writer's own "cxf.local/<format>", or
// empty). `target` names the format in the reason ("Bitwarden JSON").
void report_extensions_lost(const Vault& vault, std::string_view keep, std::string_view target, Report& report);

}  // namespace cxf
