// SPDX-License-Identifier: MIT
// Test helpers: fixture paths, reading fixtures, scratch directories.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/validate/validate.h"

namespace test {

std::string testdata(std::string_view relative);           // absolute path under testdata/
cxf::Input read_testdata(std::string_view relative);
std::string read_text(const std::string& path);

// Reads a fixture with its format's reader (detected), returning the vault; notices go to `report`.
cxf::Vault read_fixture(std::string_view relative, cxf::Report& report, cxf::ReadOptions options = {});

// A fresh, empty directory, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path(std::string_view name) const;
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

}  // namespace test
