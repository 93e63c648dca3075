// SPDX-License-Identifier: MIT
// An input as readers see it: its bytes, read whole into wiped memory, and the name the user gave it.
#pragma once

#include <cstdint>
#include <string>

#include "cxf/secret.h"

namespace cxf {

// An input file, read whole. `name` is how the user named it ("-" for stdin), used in messages.
struct Input {
    std::string name;
    crypto::SecureBytes bytes;
};

// How sure a format's detector is that an input is in its format.
enum class Confidence : std::uint8_t { no, maybe, yes };

}  // namespace cxf
