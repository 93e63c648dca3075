// SPDX-License-Identifier: MIT
#include "cxf/json/document.h"

namespace cxf::json {

namespace {

std::unique_ptr<Tape> parsed(std::string_view text, const std::string& file, const Limits& limits) {
    auto tape = std::make_unique<Tape>();
    parse(text, file, limits, *tape);
    return tape;
}

}  // namespace

Document::Document(std::string_view text, const std::string& file, const Limits& limits)
    : tape_(parsed(text, file, limits)), root_(*tape_, 0, base_) {}

}  // namespace cxf::json
