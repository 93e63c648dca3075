// SPDX-License-Identifier: MIT
// An item (and its history) → a KDBX entry.
#pragma once

#include <optional>
#include <string>

#include "exporters/kdbx/context.h"

namespace cxf::kdbx_map {

// `place` is the item's JSON pointer (for the report); `position` its index among the account's
// items, kept when the groups put it elsewhere.
kdbx::Entry write_entry(const Item& item, WriteContext& context, const std::string& place,
                        std::optional<std::size_t> position);

}  // namespace cxf::kdbx_map
