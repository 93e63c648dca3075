// SPDX-License-Identifier: MIT
// The extensions a 1Password CSV cannot keep.
#pragma once

#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::onepassword_csv {

// Every extension in the vault, lost, except what the CSV carries of cxf.local/1password: an item's
// archived state, its category (which the row implies) and its OTPAuth text.
void report_extension_losses(const Vault& vault, Report& report);

}  // namespace cxf::onepassword_csv
