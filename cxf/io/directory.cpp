// SPDX-License-Identifier: MIT
#include "cxf/io/directory.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include "cxf/error.h"

namespace cxf::io {

namespace fs = std::filesystem;

bool is_directory(const std::string& path) {
    std::error_code ignored;
    return fs::is_directory(path, ignored);
}

void make_directory(const std::string& path) {
    if (::mkdir(path.c_str(), S_IRWXU) == 0) return;
    const int e = errno;
    if (e == EEXIST && is_directory(path)) return;
    throw Error(Errc::io, {path, ""}, "cannot create the directory: " + (e == EEXIST ? std::string("a file has that name") : errno_text(e)));
}

std::vector<std::string> regular_files_in(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code error;
    fs::directory_iterator it(dir, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
        const std::string name = it->path().filename().string();
        std::error_code not_there;  // a file removed meanwhile, or a dangling link: not a regular file
        if (name.front() != '.' && it->is_regular_file(not_there)) names.push_back(name);
    }
    if (error) throw Error(Errc::io, {dir, ""}, "cannot list the directory: " + errno_text(error.value()));
    std::sort(names.begin(), names.end());
    for (std::string& name : names) name = (fs::path(dir) / name).string();
    return names;
}

}  // namespace cxf::io
