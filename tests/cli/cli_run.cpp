// SPDX-License-Identifier: MIT
#include "tests/cli/cli_run.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace test {

namespace {

const std::string memory_cap = address_space_cap(4000000);

}  // namespace

// AddressSanitizer reserves terabytes of address space for its shadow memory, so a sanitized build
// runs without the cap (its own checks watch memory then).
std::string address_space_cap(unsigned long kib) {
#ifdef __SANITIZE_ADDRESS__
    (void)kib;
    return "";
#else
    return "ulimit -v " + std::to_string(kib) + " && ";
#endif
}

CliResult run_cxf(const TempDir& dir, const std::string& args, const std::string& stdin_path, const std::string& env) {
    const std::string out = dir.path(".stdout"), err = dir.path(".stderr");
    const std::string command = "cd '" + dir.root().string() + "' && " + memory_cap + "env " + env + " '" +
                                CXF_CLI_PATH + "' " + args + " < '" + stdin_path + "' > '" + out + "' 2> '" + err + "'";
    const int status = std::system(command.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_text(out);
    r.err = read_text(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

std::vector<std::string> list_dir(const std::string& path) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

unsigned mode_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

void write_file(const std::string& path, std::string_view content) {
    std::ofstream f(path, std::ios::binary);
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
}

}  // namespace test
