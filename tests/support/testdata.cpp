// SPDX-License-Identifier: MIT
#include "tests/support/testdata.h"

#include <fstream>
#include <random>
#include <sstream>

namespace test {

std::string testdata(std::string_view relative) { return std::string(CXF_TESTDATA_DIR) + "/" + std::string(relative); }

cxf::Input read_testdata(std::string_view relative) { return cxf::io::read_input(testdata(relative), {}); }

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

cxf::Vault read_fixture(std::string_view relative, cxf::Report& report, cxf::ReadOptions options) {
    const cxf::Input input = read_testdata(relative);
    return cxf::detect_format(input).read(input, options, report);
}

TempDir::TempDir() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() / ("cxf-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(root_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

std::string TempDir::path(std::string_view name) const { return (root_ / name).string(); }

}  // namespace test
