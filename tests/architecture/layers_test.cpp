// SPDX-License-Identifier: MIT
// The folder layers of docs/architecture.md, checked from the #include lines of every source file:
// no folder depends on itself through others, importers and exporters never include each other, and
// the library never includes the registry's descriptors or the command-line program.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using Graph = std::map<std::string, std::set<std::string>>;

struct Include {
    std::string file, folder, target_folder;
};

std::string folder_of(const std::string& path) { return fs::path(path).parent_path().generic_string(); }

std::vector<Include> project_includes() {
    const fs::path root = CXF_SOURCE_DIR;
    const std::regex include_line(R"re(^\s*#\s*include\s+"([^"]+)")re");
    std::vector<Include> out;
    for (const char* top : {"cxf", "importers", "exporters", "tools"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
            const std::string file = fs::relative(entry.path(), root).generic_string();
            std::ifstream in(entry.path());
            std::smatch m;
            for (std::string line; std::getline(in, line);)
                if (std::regex_search(line, m, include_line) && fs::exists(root / m[1].str()))
                    out.push_back({file, folder_of(file), folder_of(m[1].str())});
        }
    }
    return out;
}

Graph folder_graph(const std::vector<Include>& includes) {
    Graph g;
    for (const Include& i : includes)
        if (i.folder != i.target_folder) g[i.folder].insert(i.target_folder);
    return g;
}

// A path of folders from `from` back to itself, or empty.
std::vector<std::string> cycle_through(const Graph& g, const std::string& from) {
    std::vector<std::string> path{from};
    std::set<std::string> seen;
    std::function<bool(const std::string&)> walk = [&](const std::string& at) {
        const auto edges = g.find(at);
        if (edges == g.end()) return false;
        for (const std::string& next : edges->second) {
            path.push_back(next);
            if (next == from) return true;
            if (seen.insert(next).second && walk(next)) return true;
            path.pop_back();
        }
        return false;
    };
    return walk(from) ? path : std::vector<std::string>{};
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("no folder includes itself through other folders", "[architecture]") {
    const auto includes = project_includes();
    REQUIRE(includes.size() > 500);  // the scan found the tree
    const Graph g = folder_graph(includes);
    for (const auto& [folder, targets] : g) {
        const auto cycle = cycle_through(g, folder);
        std::string shown;
        for (const std::string& f : cycle) shown += (shown.empty() ? "" : " -> ") + f;
        INFO("cycle: " << shown);
        CHECK(cycle.empty());
    }
}

TEST_CASE("importers and exporters depend only downward", "[architecture]") {
    for (const Include& i : project_includes()) {
        INFO(i.file << " includes a file of " << i.target_folder);
        if (starts_with(i.folder, "exporters/")) CHECK_FALSE(starts_with(i.target_folder, "importers/"));
        if (starts_with(i.folder, "importers/")) CHECK_FALSE(starts_with(i.target_folder, "exporters/"));
        if (!starts_with(i.folder, "cxf/formats") && !starts_with(i.folder, "cxf/pipeline") && !starts_with(i.folder, "cxf/api") &&
            !starts_with(i.folder, "tools/"))
            CHECK_FALSE(starts_with(i.target_folder, "cxf/formats"));
        if (!starts_with(i.folder, "tools/")) CHECK_FALSE(starts_with(i.target_folder, "tools/"));
    }
}
