// SPDX-License-Identifier: MIT
// What a directory holds, for commands that take one as a list of inputs.
#pragma once

#include <string>
#include <vector>

namespace cxf::io {

bool is_directory(const std::string& path);

// Creates the directory `path` (mode 0700, its parent must exist) unless it is one already. Throws
// Errc::io when it cannot, or when `path` is something else.
void make_directory(const std::string& path);

// The paths ("DIR/NAME") of the regular files directly in `dir` (a symbolic link to one counts),
// sorted by name byte by byte; hidden files (".NAME") and everything else are left out. Throws
// Errc::io when the directory cannot be read.
std::vector<std::string> regular_files_in(const std::string& dir);

}  // namespace cxf::io
