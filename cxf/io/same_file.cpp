// SPDX-License-Identifier: MIT
#include "cxf/io/same_file.h"

#include <sys/stat.h>

namespace cxf::io {

namespace {

bool same_inode(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

std::string parent_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {}, sb {};
    const bool a_exists = ::stat(a.c_str(), &sa) == 0;
    const bool b_exists = ::stat(b.c_str(), &sb) == 0;
    if (a_exists && b_exists) return same_inode(sa, sb);
    if (a_exists != b_exists) return false;
    if (base_of(a) != base_of(b)) return false;
    return ::stat(parent_of(a).c_str(), &sa) == 0 && ::stat(parent_of(b).c_str(), &sb) == 0 && same_inode(sa, sb);
}

}  // namespace cxf::io
