// SPDX-License-Identifier: MIT
// The cxf::Error a callable throws, for tests that inspect its code, place and message.
#pragma once

#include <stdexcept>
#include <utility>

#include "cxf/error.h"

namespace test {

template <typename F>
cxf::Error thrown_by(F&& f) {
    try {
        std::forward<F>(f)();
    } catch (const cxf::Error& e) {
        return e;
    }
    throw std::runtime_error("expected a cxf::Error, none was thrown");
}

}  // namespace test
