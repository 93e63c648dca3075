// SPDX-License-Identifier: MIT
#include "tests/support/peak_memory.h"

#include <fstream>
#include <stdexcept>
#include <string>

namespace test {

namespace {

std::uint64_t status_kib(const std::string& key) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(key + ":", 0) == 0) return std::stoull(line.substr(key.size() + 1));
    throw std::runtime_error("no " + key + " in /proc/self/status");
}

}  // namespace

std::uint64_t peak_memory_growth(const std::function<void()>& work) {
    {
        std::ofstream clear("/proc/self/clear_refs");
        clear << "5";  // resets VmHWM to the current resident size
        if (!clear.flush()) throw std::runtime_error("cannot reset the peak resident size");
    }
    const std::uint64_t before = status_kib("VmHWM");
    work();
    return (status_kib("VmHWM") - before) * 1024;
}

}  // namespace test
