// SPDX-License-Identifier: MIT
// Field-by-field comparison of two KDBX databases, naming every difference by its path.
#pragma once

#include <string>
#include <vector>

#include "cxf/kdbx/database.h"

namespace test::kdbx {

// Empty when equal. Paths look like "root/groups[1]/entries[0]/strings[Password].value"; secret values
// are named, never printed.
std::vector<std::string> database_diff(const cxf::kdbx::Database& a, const cxf::kdbx::Database& b);

}  // namespace test::kdbx
