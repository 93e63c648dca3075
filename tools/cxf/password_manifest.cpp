// SPDX-License-Identifier: MIT
#include "tools/cxf/password_manifest.h"

#include <filesystem>
#include <string_view>

#include "cxf/error.h"
#include "cxf/io/file.h"

namespace cxf::cli {

namespace {

constexpr std::uint64_t max_manifest_bytes = 16ull << 20;

}  // namespace

PasswordManifest read_password_manifest(const std::string& path) {
    Limits limits;
    limits.max_input_bytes = max_manifest_bytes;
    const Input manifest = io::read_input(path, limits);
    const std::string_view text(reinterpret_cast<const char*>(manifest.bytes.data()), manifest.bytes.size());
    std::map<std::string, std::size_t, std::less<>> first_line;
    PasswordManifest entries;
    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const auto bad = [&](const std::string& what) {
            return Error(Errc::usage, {path, "line " + std::to_string(number)}, what);
        };
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) throw bad("expected NAME<TAB>SOURCE (no tab on the line)");
        const std::string_view name = line.substr(0, tab), source = line.substr(tab + 1);
        if (name.empty()) throw bad("the input's file name before the tab is empty");
        if (name.find('/') != std::string_view::npos)
            throw bad("NAME is an input's file name, without a directory");
        PasswordOptions options;
        if (source.starts_with("file:") && source.size() > 5) {
            const std::string_view file = source.substr(5);
            options.file = (std::filesystem::path(path).parent_path() / file).string();  // an absolute PATH stays
        } else if (source.starts_with("env:") && source.size() > 4) {
            options.env = std::string(source.substr(4));
        } else {
            throw bad("the source after the tab is not file:PATH or env:VAR");
        }
        const auto [it, added] = first_line.try_emplace(std::string(name), number);
        if (!added) throw bad(std::string(name) + " has a source already, on line " + std::to_string(it->second));
        entries.emplace(std::string(name), std::move(options));
    }
    return entries;
}

}  // namespace cxf::cli
