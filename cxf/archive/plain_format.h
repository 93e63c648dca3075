// SPDX-License-Identifier: MIT
// The registry descriptor of the plain CXF archive (format id "cxf-archive"): a zip with index.json
// and the file credentials' bytes, unencrypted.
#pragma once

#include "cxf/formats/format.h"

namespace cxf::archive {

Format plain_format() noexcept;

}  // namespace cxf::archive
