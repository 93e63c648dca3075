// SPDX-License-Identifier: MIT
// Turning an OpenSSL failure on well-formed input into a cxf::Error.
#pragma once

#include <string_view>

namespace cxf::crypto {

// OpenSSL refused an operation cxf depends on (e.g. a provider without the algorithm).
[[noreturn]] void openssl_failed(std::string_view operation);

inline void check(int ok, std::string_view operation) {
    if (ok != 1) openssl_failed(operation);
}

}  // namespace cxf::crypto
