// SPDX-License-Identifier: MIT
// The libFuzzer entry point. The target is named by the environment variable CXF_FUZZ_TARGET
// (`cxf-fuzz-replay` lists them), so one binary fuzzes any of them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "fuzz/targets.h"

namespace {

const cxf::fuzz::Target& chosen_target() {
    const char* name = std::getenv("CXF_FUZZ_TARGET");
    for (const auto& target : cxf::fuzz::targets(CXF_TESTDATA_DIR))
        if (name && target.name == name) return target;
    std::cerr << "set CXF_FUZZ_TARGET to one of:";
    for (const auto& target : cxf::fuzz::targets(CXF_TESTDATA_DIR)) std::cerr << ' ' << target.name;
    std::cerr << '\n';
    std::exit(2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const cxf::fuzz::Target& target = chosen_target();
    (void)cxf::fuzz::run_one(target, cxf::ByteView(data, size));
    return 0;
}
