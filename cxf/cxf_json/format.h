// SPDX-License-Identifier: MIT
// The registry descriptor of CXF JSON (format id "cxf").
#pragma once

#include "cxf/formats/format.h"

namespace cxf::cxf_json {

Format format() noexcept;

}  // namespace cxf::cxf_json
