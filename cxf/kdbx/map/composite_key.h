// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "cxf/kdbx/kdbx.h"
#include "cxf/plugin/format.h"

namespace cxf::kdbx_map {

// KeePass's composite key: the key file at `key_file` (read within `limits`, and never more than
// 64 MiB), then the password `password` gives (null: no password). Used to open and to save.
kdbx::CompositeKey composite_key(const PasswordProvider* password, const std::optional<std::string>& key_file,
                                 const Limits& limits);

}  // namespace cxf::kdbx_map
