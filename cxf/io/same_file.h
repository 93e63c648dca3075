// SPDX-License-Identifier: MIT
// Whether two paths name one file, compared as files rather than as strings.
#pragma once

#include <string>

namespace cxf::io {

// True when `a` and `b` name the same file: the same device and inode when both exist, else (neither
// exists yet) the same resolved parent directory and the same base name.
bool same_file(const std::string& a, const std::string& b);

}  // namespace cxf::io
