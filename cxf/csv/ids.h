// SPDX-License-Identifier: MIT
// Ids for what a CSV file gives none to: derived from the text, so the same file always reads into
// the same ids.
#pragma once

#include <string_view>
#include <vector>

#include "cxf/model/vault.h"

namespace cxf::csv {

// 16 bytes of SHA-256(kind || text).
Id derived_id(std::string_view kind, std::string_view text);

// An account's id derived from its items' ids, so the same rows give the same account whatever the
// header or the line ends.
Id account_id(std::string_view kind, const std::vector<Item>& items);

}  // namespace cxf::csv
