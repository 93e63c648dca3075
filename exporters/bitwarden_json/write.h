// SPDX-License-Identifier: MIT
// Vault → Bitwarden JSON export (format id "bitwarden"), plain or password-protected, in the shape
// and member order Bitwarden's own clients write.
#pragma once

#include <cstddef>

#include "cxf/plugin/format.h"

namespace cxf::bitwarden_json {

// Bitwarden's importer refuses files with more items than this.
inline constexpr std::size_t import_item_limit = 7000;

// WriteOptions::settings read here: bitwarden-encrypt, bitwarden-kdf (pbkdf2 | argon2id),
// bitwarden-kdf-iterations, bitwarden-kdf-memory (MiB), bitwarden-kdf-parallelism,
// bitwarden-layout (individual | organization). Throws Errc::usage for settings Bitwarden would
// refuse. (Splitting a big vault into several importable files is the CLI's --split.)
void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::bitwarden_json
