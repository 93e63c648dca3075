// SPDX-License-Identifier: MIT
// An input as readers see it: its bytes, read whole into wiped memory, or its pieces as they are read;
// and the name the user gave it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "cxf/secret.h"

namespace cxf {

// An input file, read whole. `name` is how the user named it ("-" for stdin), used in messages.
struct Input {
    std::string name;
    crypto::SecureBytes bytes;
};

// An input in pieces as it is read, for a reader that never needs it whole: `next` gives the next
// piece (valid until the following call), empty at the end, and throws cxf::Error as reading fails.
struct InputStream {
    std::string name;
    std::function<ByteView()> next;
};

// How sure a format's detector is that an input is in its format.
enum class Confidence : std::uint8_t { no, maybe, yes };

}  // namespace cxf
