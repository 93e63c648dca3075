// SPDX-License-Identifier: MIT
// Replays seed corpora through the fuzz targets without libFuzzer, so ctest checks every seed on
// every build: cxf-fuzz-replay CORPUS_DIR runs each target on every file of CORPUS_DIR/<target>/.
// A seed must be read without error, except a regression input named reject-*, which must be refused
// with cxf::Error. Any other exception fails the run.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <iostream>
#include <vector>

#include "cxf/io/file.h"
#include "fuzz/targets.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: cxf-fuzz-replay CORPUS_DIR\n";
        return 2;
    }
    const fs::path corpus = argv[1];
    int failures = 0;
    for (const auto& target : cxf::fuzz::targets(CXF_TESTDATA_DIR)) {
        const fs::path dir = corpus / target.name;
        std::vector<fs::path> seeds;
        if (fs::is_directory(dir))
            for (const auto& entry : fs::directory_iterator(dir))
                if (entry.is_regular_file()) seeds.push_back(entry.path());
        if (seeds.empty()) {
            std::cerr << target.name << ": no seeds in " << dir << '\n';
            ++failures;
            continue;
        }
        std::sort(seeds.begin(), seeds.end());
        for (const fs::path& seed : seeds) {
            const cxf::Input input = cxf::io::read_input(seed.string(), {});
            const bool must_refuse = seed.filename().string().rfind("reject-", 0) == 0;
            try {
                const auto refusal = cxf::fuzz::run_one(target, input.bytes);
                if (refusal && !must_refuse) {
                    std::cerr << target.name << ": " << seed << ": a seed was refused: " << *refusal << '\n';
                    ++failures;
                } else if (!refusal && must_refuse) {
                    std::cerr << target.name << ": " << seed << ": a reject- input was accepted\n";
                    ++failures;
                }
            } catch (const std::exception& e) {
                std::cerr << target.name << ": " << seed << ": an exception other than cxf::Error: " << e.what() << '\n';
                ++failures;
            }
        }
        std::cout << target.name << ": " << seeds.size() << " seeds\n";
    }
    return failures == 0 ? 0 : 1;
}
