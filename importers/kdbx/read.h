// SPDX-License-Identifier: MIT
// The KDBX importer: a KDBX object model → a vault, and a KDBX file → a vault.
#pragma once

#include <functional>

#include "cxf/kdbx/kdbx.h"
#include "cxf/plugin/format.h"

namespace cxf::kdbx_map {

// Groups → collections (the root group is the account), entries → items. The recycle bin is left
// out of the items (reported as skipped) and kept, with everything else the model has no member for,
// in "cxf.local/kdbx" extensions.
Vault read_database(const kdbx::Database& database, Report& report);
// The same from a KDBX file, each entry mapped as it is decrypted and dropped.
Vault read_file(ByteView file, const kdbx::CompositeKey& key, const Limits& limits, const std::string& name,
                Report& report);

// What `read` hands the visitor, mapped in one pass (read_database and read_file go through it).
Vault read_stream(const std::function<void(kdbx::DatabaseVisitor&)>& read, Report& report);

// Format::read for "kdbx": the key from the options (password asked only once the file is known to
// be KDBX; read setting "no-password" for a key file alone), then read_file.
Vault read(const Input& input, const ReadOptions& options, Report& report);
// Format::read_stream for "kdbx": the same as the file is read (a KDBX 4 file is never whole in memory).
Vault read_pieces(const InputStream& input, const ReadOptions& options, Report& report);

}  // namespace cxf::kdbx_map
