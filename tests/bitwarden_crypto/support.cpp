// SPDX-License-Identifier: MIT
#include "tests/bitwarden_crypto/support.h"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace test::bitwarden_crypto {

using cxf::bitwarden::KdfParams;

std::string fixture(std::string_view name) { return read_text(testdata("bitwarden/" + std::string(name))); }

std::vector<std::string> json_fixtures() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(testdata("bitwarden")))
        if (entry.path().extension() == ".json") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::map<std::string, std::string> fixture_passwords() {
    std::map<std::string, std::string> out;
    std::istringstream lines(read_text(testdata("bitwarden/PROVENANCE.md")));
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("| `", 0) != 0) continue;
        std::vector<std::string> cells;
        std::istringstream row(line.substr(1));
        for (std::string cell; cells.size() < 3 && std::getline(row, cell, '|');) {
            const auto first = cell.find_first_not_of(" `");
            const auto last = cell.find_last_not_of(" `");
            cells.push_back(first == std::string::npos ? std::string() : cell.substr(first, last - first + 1));
        }
        if (cells.size() == 3 && cells[2] != "none") out[cells[0]] = cells[2];
    }
    return out;
}

KdfParams cheap_pbkdf2() { return {KdfParams::Type::pbkdf2_sha256, 5000, 0, 0}; }
KdfParams cheap_argon2id() { return {KdfParams::Type::argon2id, 2, 16, 1}; }

std::string text_of(const cxf::crypto::SecureBytes& bytes) { return std::string(cxf::as_text(bytes)); }

std::string encrypt(std::string_view plain, std::string_view password, const KdfParams& kdf) {
    return std::string(cxf::bitwarden::encrypt_export(cxf::as_bytes(plain), cxf::crypto::Secret(password), kdf).view());
}

std::string decrypt(std::string_view envelope, std::string_view password, const cxf::Limits& limits) {
    return text_of(cxf::bitwarden::decrypt_export(envelope, "export.json", cxf::crypto::Secret(password), limits));
}

std::string with_member(std::string envelope, std::string_view key, std::string_view value) {
    const std::string start = "\n  \"" + std::string(key) + "\": ";
    const std::size_t at = envelope.find(start);
    if (at == std::string::npos) throw std::runtime_error("no member " + std::string(key));
    const std::size_t from = at + start.size();
    std::size_t to = envelope.find('\n', from);
    if (envelope[to - 1] == ',') --to;
    envelope.replace(from, to - from, value);
    return envelope;
}

std::string member_string(const std::string& envelope, std::string_view key) {
    const std::string start = "\n  \"" + std::string(key) + "\": \"";
    const std::size_t at = envelope.find(start);
    if (at == std::string::npos) throw std::runtime_error("no string member " + std::string(key));
    const std::size_t from = at + start.size();
    return envelope.substr(from, envelope.find('"', from) - from);
}

int run_reference(const std::vector<std::string>& arguments) {
    // The tests run from the build tree; the script lives next to this file in the source tree.
    const std::filesystem::path script = std::filesystem::path(CXF_TESTDATA_DIR).parent_path() / "tests" /
                                         "bitwarden_crypto" / "reference" / "bw_export.py";
    std::string command = "/usr/bin/python3 '" + script.string() + "'";
    for (const std::string& argument : arguments) command += " '" + argument + "'";
    const int status = std::system(command.c_str());
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string password_file(const TempDir& dir, std::string_view password) {
    const std::string path = dir.path("password");
    write_file(path, password);
    return path;
}

void write_file(const std::string& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace test::bitwarden_crypto
