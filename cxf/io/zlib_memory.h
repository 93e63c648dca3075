// SPDX-License-Identifier: MIT
// zlib streams whose window and state (plaintext) are wiped when zlib frees them.
#pragma once

#include <zlib.h>

namespace cxf::io {

z_stream wiping_z_stream();

}  // namespace cxf::io
