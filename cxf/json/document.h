// SPDX-License-Identifier: MIT
// A parsed JSON text that owns its tape, with a cursor at its root.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "cxf/json/cursor.h"
#include "cxf/limits.h"

namespace cxf::json {

class Document {
public:
    // Throws as parse() does; `file` names the text in those errors.
    Document(std::string_view text, const std::string& file, const Limits& limits = Limits{});
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const Cursor& root() const noexcept { return root_; }

private:
    std::unique_ptr<Tape> tape_;
    std::string base_;
    Cursor root_;
};

}  // namespace cxf::json
