// SPDX-License-Identifier: MIT
// Equality of credentials as the KDBX mapping carries them (extensions, which it reports lost, are
// not compared): tells the writer whether the plain mapping gives an item back unchanged.
#pragma once

#include "cxf/model/credentials.h"

namespace cxf::kdbx_map {

bool same(const EditableField& a, const EditableField& b) noexcept;
bool same(const Credential& a, const Credential& b) noexcept;

}  // namespace cxf::kdbx_map
