// SPDX-License-Identifier: MIT
#include "tests/cxp/support.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cxf/encoding/base64.h"

namespace test::cxp {

namespace {

// The reference lives next to this file; CMake compiles sources by absolute path.
std::string reference_dir() { return (std::filesystem::path(__FILE__).parent_path() / "reference").string(); }

std::vector<std::string> split_parts(const std::string& jwe) {
    std::vector<std::string> parts(1);
    for (const char c : jwe) {
        if (c == '.')
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

}  // namespace

std::string hex(cxf::ByteView bytes) { return cxf::encoding::hex_encode(bytes); }

cxf::Bytes unhex(std::string_view text) {
    auto bytes = cxf::encoding::hex_decode(text);
    REQUIRE(bytes);
    return *bytes;
}

void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

std::string part(const std::string& jwe, std::size_t index) {
    const std::vector<std::string> parts = split_parts(jwe);
    REQUIRE(index < parts.size());
    return parts[index];
}

std::string with_part(const std::string& jwe, std::size_t index, std::string_view text) {
    std::vector<std::string> parts = split_parts(jwe);
    REQUIRE(index < parts.size());
    parts[index] = std::string(text);
    std::string out = parts[0];
    for (std::size_t i = 1; i < parts.size(); ++i) out += "." + parts[i];
    return out;
}

RunResult run_reference(std::string_view script, const std::vector<std::string>& arguments) {
    std::string command = "/usr/bin/python3 -B '" + reference_dir() + "/" + std::string(script) + "'";
    for (const std::string& argument : arguments) command += " '" + argument + "'";
    RunResult result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = pclose(pipe);
    if (WIFEXITED(status)) result.status = WEXITSTATUS(status);
    return result;
}

}  // namespace test::cxp
