// SPDX-License-Identifier: MIT
// The KDBX exporter: a vault → the KDBX object model → an encrypted KDBX 4 (or 3.1) file.
#pragma once

#include "cxf/kdbx/kdbx.h"
#include "cxf/plugin/format.h"

namespace cxf::kdbx_map {

// Everything the model holds that KDBX has a place for; what it has none for goes into `report`.
// `now` (Unix seconds, 0: the clock) dates what the vault leaves undated.
kdbx::Database to_database(const Vault& vault, Report& report, Timestamp now);

// Format::prepare_write for "kdbx": asks for the password and derives the key.
void prepare_write(WriteOptions& options);

// Format::write for "kdbx".
void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::kdbx_map
