// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "cxf/kdbx/kdbx.h"
#include "cxf/plugin/format.h"

namespace cxf::kdbx_map {

// KeePass's composite key: the key file's content, then the password `password` gives (null: no
// password). Used to open and to save.
kdbx::CompositeKey composite_key(const PasswordProvider* password, const std::optional<Input>& key_file);

}  // namespace cxf::kdbx_map
