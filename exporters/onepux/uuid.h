// SPDX-License-Identifier: MIT
// Model ids as 1PUX uuids. An id that is already text 1PUX could hold (what the 1PUX reader makes of
// a uuid: its letters and digits) is written as that text, so 1PUX → model → 1PUX keeps every uuid;
// any other id (random CXF bytes) becomes 26 lowercase Base32 letters, 1Password's own uuid shape,
// the same for the same id, so that references and vault contents still name the right item.
#pragma once

#include <string>

#include "cxf/model/field.h"

namespace cxf::onepux::out {

std::string uuid_text(const Id& id);

}  // namespace cxf::onepux::out
