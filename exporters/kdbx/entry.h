// SPDX-License-Identifier: MIT
// An item (and its history) → a KDBX entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "exporters/kdbx/context.h"

namespace cxf::kdbx_map {

// Which versions of an item (bit k: version k, 0 the live one) the plain mapping gives back, as the
// first mapping of the item found, so that mapping it again need not try. Items with 64 versions or
// more are not remembered.
struct PlainMemo {
    std::uint64_t plain = 0;
    bool known = false;
};

// `place` is the item's JSON pointer (for the report); `position` its index among the account's
// items, kept when the groups put it elsewhere. `memo` is filled in when not known yet.
kdbx::Entry write_entry(const Item& item, WriteContext& context, const std::string& place,
                        std::optional<std::size_t> position, PlainMemo& memo);

}  // namespace cxf::kdbx_map
