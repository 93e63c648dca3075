// SPDX-License-Identifier: MIT
#include "cxf/io/same_file.h"

#include <sys/stat.h>

#include <filesystem>

namespace cxf::io {

namespace {

bool same_inode(const std::string& a, const std::string& b, bool& both_exist) {
    struct stat sa {}, sb {};
    const bool has_a = ::stat(a.c_str(), &sa) == 0, has_b = ::stat(b.c_str(), &sb) == 0;
    both_exist = has_a && has_b;
    return both_exist && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::string parent_of(const std::filesystem::path& p) {
    const std::filesystem::path parent = p.parent_path();
    return parent.empty() ? "." : parent.string();
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
    bool both_exist = false;
    if (same_inode(a, b, both_exist)) return true;
    if (both_exist) return false;
    const std::filesystem::path pa(a), pb(b);
    if (pa.filename() != pb.filename()) return false;
    bool parents_exist = false;
    return same_inode(parent_of(pa), parent_of(pb), parents_exist);
}

}  // namespace cxf::io
