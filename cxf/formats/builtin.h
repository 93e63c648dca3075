// SPDX-License-Identifier: MIT
// The descriptor of each built-in format, one per file in this folder (the registry lists them in
// detection order). A descriptor ties a format's detection, options and description to its reader in
// importers/ (or cxf/) and its writer in exporters/ (or cxf/).
#pragma once

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/plugin/format.h"

namespace cxf::kdbx_map {
Format format() noexcept;  // kdbx.cpp
}
namespace cxf::archive {
Format cxp_format() noexcept;    // cxp.cpp
Format plain_format() noexcept;  // cxf_archive.cpp
}
namespace cxf::bitwarden_json {
Format format() noexcept;  // bitwarden.cpp
}
namespace cxf::bitwarden_csv {
Format format() noexcept;  // bitwarden_csv.cpp
}
namespace cxf::onepassword_csv {
Format format() noexcept;  // onepassword_csv.cpp
}
namespace cxf::apple_csv {
Format format() noexcept;  // apple_csv.cpp
}
namespace cxf::chrome_csv {
Format format() noexcept;  // chrome_csv.cpp
}
namespace cxf::firefox_csv {
Format format() noexcept;  // firefox_csv.cpp
}
namespace cxf::onepux {
Format format() noexcept;  // onepux.cpp
}
namespace cxf::cxf_json {
Format format() noexcept;  // cxf.cpp

// The CXF reader's settings that a format's ReadOptions give (limits, collect_errors, now); for the
// archives, whose index is a CXF document.
ReadSettings read_settings(const ReadOptions& options);
}  // namespace cxf::cxf_json
