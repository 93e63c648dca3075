// SPDX-License-Identifier: MIT
// The registry descriptor of the encrypted CXP archive (format id "cxp", docs/formats/cxp.md): a zip
// with index.jwe and documents/<file id>.jwe, each HPKE-encrypted to the importer's key.
#pragma once

#include "cxf/formats/format.h"

namespace cxf::archive {

Format cxp_format() noexcept;

}  // namespace cxf::archive
