// SPDX-License-Identifier: MIT
// Bitwarden JSON exports (format id "bitwarden"): plain, password-protected, individual or organisation.
#pragma once

#include <string_view>
#include <vector>

#include "cxf/formats/format.h"

namespace cxf::bitwarden_json {

// A JSON object with Bitwarden's top-level members; never throws.
Confidence detect(ByteView head, std::string_view file_name);

// Asks options.password only for a password-protected export. Throws cxf::Error: unsupported for
// an account-restricted export, usage when a password is needed and none can be had, and whatever
// decrypting or parsing finds.
Vault read(const Input& input, const ReadOptions& options, Report& report);

// Envelope kind, KDF and layout, read without a password.
std::vector<Property> describe(const Input& input);

Format format() noexcept;

}  // namespace cxf::bitwarden_json
