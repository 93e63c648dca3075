// SPDX-License-Identifier: MIT
// The registry descriptor of CXF JSON (format id "cxf").
#pragma once

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/formats/format.h"

namespace cxf::cxf_json {

Format format() noexcept;

// The CXF reader's settings that a format's ReadOptions give (limits, collect_errors, now); for the
// archives, whose index is a CXF document.
ReadSettings read_settings(const ReadOptions& options);

}  // namespace cxf::cxf_json
