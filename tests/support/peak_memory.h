// SPDX-License-Identifier: MIT
// How much a piece of work raised the process's peak resident memory, for tests that a refusal came
// before costly work rather than after it.
#pragma once

#include <cstdint>
#include <functional>

namespace test {

// Linux: the peak (VmHWM) is reset through /proc/self/clear_refs before `work` runs. Throws
// std::runtime_error when the peak cannot be read or reset.
std::uint64_t peak_memory_growth(const std::function<void()>& work);

}  // namespace test
