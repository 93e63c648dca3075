// SPDX-License-Identifier: MIT
// The registry descriptor of KeePass KDBX (format id "kdbx").
#pragma once

#include "cxf/formats/format.h"

namespace cxf::kdbx_map {

Format format() noexcept;

}  // namespace cxf::kdbx_map
