// SPDX-License-Identifier: MIT
// Vault → Bitwarden JSON export (format id "bitwarden"), plain or password-protected, in the shape
// and member order Bitwarden's own clients write.
#pragma once

#include <cstddef>

#include "cxf/plugin/format.h"

namespace cxf::bitwarden_json {

// Bitwarden's importer refuses files with more items than this.
inline constexpr std::size_t import_item_limit = 7000;

// Takes WriteOptions::bitwarden; throws Errc::usage for KDF settings Bitwarden would refuse.
// (Splitting a big vault into several importable files is the conversion's `split`.)
void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::bitwarden_json
