// SPDX-License-Identifier: MIT
// A database with every member of the KDBX model set to something other than its default.
#pragma once

#include "cxf/kdbx/database.h"

namespace test::kdbx {

// With `kdbx41` false, the content holds nothing that needs KDBX 4.1.
cxf::kdbx::Database kitchen_sink(bool kdbx41 = true);

}  // namespace test::kdbx
