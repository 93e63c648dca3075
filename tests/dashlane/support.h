// SPDX-License-Identifier: MIT
// Helpers for the Dashlane tests: a zip made in memory, a custom field's value by its label.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cxf/model/vault.h"

namespace dashlane_test {

inline constexpr std::string_view zip_sample = "dashlane/dashlane-export.zip";
inline constexpr std::string_view json_sample = "dashlane/pass-import-dashlane.json";

// A zip of (name, text) entries.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries);

// The value of the item's custom field labelled `label`, or "<absent>".
std::string custom(const cxf::Item& item, std::string_view label);

}  // namespace dashlane_test
