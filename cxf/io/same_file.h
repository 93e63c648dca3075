// SPDX-License-Identifier: MIT
// Whether two paths name the same real file, whatever the spelling ("./x", symlinks, hard links).
#pragma once

#include <string>

namespace cxf::io {

// True when both name the same file: the same device and inode when both exist, else the same
// resolved parent directory (device and inode) and the same base name.
bool same_file(const std::string& a, const std::string& b);

}  // namespace cxf::io
