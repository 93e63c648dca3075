// SPDX-License-Identifier: MIT
// The KDBX importer: a KDBX object model → a vault, and a KDBX file → a vault.
#pragma once

#include "cxf/formats/format.h"
#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx_map {

// Groups → collections (the root group is the account), entries → items. The recycle bin is left
// out of the items (reported as skipped) and kept, with everything else the model has no member for,
// in "cxf.local/kdbx" extensions.
Vault read_database(const kdbx::Database& database, Report& report);

// KeePass's composite key: the key file at `key_file` (read within `limits`, and never more than
// 64 MiB), then the password `password` gives (null: no password). Used to open and to save.
kdbx::CompositeKey composite_key(const PasswordProvider* password, const std::optional<std::string>& key_file,
                                 const Limits& limits);

// Format::read for "kdbx": the key from the options (password asked only once the file is known to
// be KDBX; read setting "no-password" for a key file alone), then read_database.
Vault read(const Input& input, const ReadOptions& options, Report& report);

}  // namespace cxf::kdbx_map
