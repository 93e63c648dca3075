// SPDX-License-Identifier: MIT
// Choosing which items of a vault are written: by collection, tag, title or credential type
// (`--filter` in the CLI, docs/cli.md).
#pragma once

#include "cxf/export.h"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/model/vault.h"

namespace cxf {

// Filters as "KEY:VALUE". Values of one key are alternatives (any may match); different keys must
// all match. No filter selects everything.
struct Selection {
    std::vector<std::string> folders;  // a collection path from the top, "Work/Servers"; includes its sub-collections
    std::vector<std::string> tags;
    std::vector<std::string> titles;   // shell-style globs: * any run, ? one character
    std::vector<std::string> types;    // CXF credential type names ("basic-auth", "passkey", …)
    std::vector<std::string> expressions;  // every filter as given, in order

    bool empty() const noexcept { return expressions.empty(); }
};

// The keys and the credential kinds a filter may name ("login" stands for "basic-auth").
std::vector<std::string_view> filter_keys();
std::vector<std::string_view> filter_kinds();

// Adds "folder:NAME", "tag:NAME", "title:GLOB" or "type:KIND". An unknown key or kind, or no value,
// is Errc::usage naming the valid ones.
CXF_API void add_filter(Selection& selection, std::string_view expression);

// Names are compared ignoring ASCII case; `*` and `?` match any bytes.
bool glob_matches(std::string_view pattern, std::string_view text) noexcept;

struct SelectionCount {
    std::size_t selected = 0;
    std::size_t of = 0;
};

// Keeps the selected items and, of the collections, those that still link one (with the path to it).
CXF_API SelectionCount select(Vault& vault, const Selection& selection);

}  // namespace cxf
