// SPDX-License-Identifier: MIT
// libcxf.so exports its public API and nothing else: every function cxf/cxf.h declares, the C++ entry
// points, and no internal or standard-library symbol.
#include <cstdio>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "tests/support/testdata.h"

namespace {

std::set<std::string> lines_of(const std::string& command) {
    std::set<std::string> lines;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    std::string text;
    while (std::fgets(buffer, sizeof buffer, pipe)) text += buffer;
    REQUIRE(pclose(pipe) == 0);
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.insert(line);
    return lines;
}

}  // namespace

TEST_CASE("libcxf.so exports exactly the public API", "[library]") {
    const std::string library = std::string(CXF_BUILD_DIR) + "/libcxf.so";
    // Defined, global, dynamic symbols, demangled, without their version; the version node itself is
    // not a symbol.
    const auto exported = lines_of("nm -D --defined-only --demangle '" + library + "' | awk '$2 != \"A\" { $1 = $2 = \"\"; print substr($0, 3) }' | sed 's/@.*//'");
    REQUIRE(exported.size() > 20);

    const std::regex c_function(R"(^cxf_[a-z_]+$)");
    const std::regex cxx_api(
        R"(^(cxf::(load|load_file|read_as|save_file|convert|merge_files|add_filter|select|exit_code|report_json|formats|find_format|detect_format|format_for_path|validate|errc_name|option_in_backquotes|feature_names|credential_type|known_credential_types|count)(\[abi:cxx11\])?\(|cxf::(Report|Error)::|(typeinfo|typeinfo name|vtable) for cxf::Error$))");
    for (const std::string& symbol : exported) {
        INFO(symbol);
        CHECK((std::regex_match(symbol, c_function) || std::regex_search(symbol, cxx_api)));
    }

    const std::string header = test::read_text(std::string(CXF_SOURCE_DIR) + "/cxf/cxf.h");
    const std::regex declared(R"(CXF_C_API [^(]*?\b(cxf_[a-z_]+)\()");
    std::size_t functions = 0;
    for (auto it = std::sregex_iterator(header.begin(), header.end(), declared); it != std::sregex_iterator(); ++it, ++functions) {
        INFO((*it)[1]);
        CHECK(exported.count((*it)[1]) == 1);
    }
    CHECK(functions >= 25);
}
