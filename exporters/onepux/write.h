// SPDX-License-Identifier: MIT
// Vault → 1Password 1PUX export (format id "1pux"): a zip of export.attributes, export.data (every
// account, its collections as vaults, every item) and files/ (the bytes of documents and attachments).
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::onepux {

// What came from a 1PUX export is written back as it was (the cxf.local/1password extension keeps
// what the model has no place for); other items get the category their credentials suggest. Passkeys
// and unknown credential types are reported lost, as are extensions of other formats.
void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report);

}  // namespace cxf::onepux
