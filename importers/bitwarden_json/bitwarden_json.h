// SPDX-License-Identifier: MIT
// Bitwarden JSON exports (format id "bitwarden"): plain, password-protected, individual or organisation.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::bitwarden_json {

// Asks options.password only for a password-protected export. Throws cxf::Error: unsupported for
// an account-restricted export, usage when a password is needed and none can be had, and whatever
// decrypting or parsing finds.
Vault read(const Input& input, const ReadOptions& options, Report& report);
// The same from its pieces as they are read.
Vault read_stream(const InputStream& input, const ReadOptions& options, Report& report);

}  // namespace cxf::bitwarden_json
