// SPDX-License-Identifier: MIT
// The KDBX exporter: a vault → the KDBX object model → an encrypted KDBX 4 (or 3.1) file.
#pragma once

#include <span>

#include "cxf/kdbx/kdbx.h"
#include "cxf/plugin/format.h"

namespace cxf::kdbx_map {

// The write options "kdbx" offers (kdbx-version, kdbx-kdf, kdbx-cipher, … out-no-password).
std::span<const FormatOption> write_options() noexcept;

// KDBX settings from the write options; Errc::usage for a value it does not take.
kdbx::SaveSettings save_settings(const WriteOptions& options);

// Everything the model holds that KDBX has a place for; what it has none for goes into `report`.
// `now` (Unix seconds, 0: the clock) dates what the vault leaves undated.
kdbx::Database to_database(const Vault& vault, Report& report, Timestamp now);

// Format::write for "kdbx".
void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::kdbx_map
