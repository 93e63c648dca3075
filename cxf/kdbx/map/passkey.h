// SPDX-License-Identifier: MIT
// KeePassXC's KPEX_PASSKEY_* attributes ↔ a CXF passkey (kdbx.md §3.1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/strings.h"
#include "cxf/model/credentials.h"

namespace cxf::kdbx_map {

struct PasskeyReading {
    Passkey passkey;
    PasskeySpelling spelling;
};

// The passkey the attributes describe, using them. nullopt when there is none; when the attributes
// are there but do not make a passkey, nullopt with `problem` saying why (they stay custom fields).
std::optional<PasskeyReading> read_passkey(StringTable& strings, std::string& problem);

// The attributes in the order cxf writes them, with the protection KeePassXC gives them.
std::vector<kdbx::StringField> passkey_attributes(const Passkey& passkey, const PasskeySpelling& spelling);

}  // namespace cxf::kdbx_map
