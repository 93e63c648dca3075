// SPDX-License-Identifier: MIT
// 1Password 1PUX exports (format id "1pux"): a zip of export.attributes, export.data and files/.
#pragma once

#include "cxf/json/tape.h"
#include "cxf/plugin/format.h"

namespace cxf::onepux {

// Every account of the export, each vault as a collection, every item with its documents' bytes.
// Throws cxf::Error: malformed (not a zip, no export.data, JSON that is not 1PUX, at the entry and
// JSON pointer), integrity (a document whose size is not the declared one), limit_exceeded.
Vault read(const Input& input, const ReadOptions& options, Report& report);

// /accounts/N/vaults/M/items/K: where the parser hands each item off as soon as it is complete.
bool is_item_path(const json::Path& path);

}  // namespace cxf::onepux
