// SPDX-License-Identifier: MIT
// An element of KDBX XML gathered while the document streams by (an entry, a Meta child, a group
// field), and the text form the model keeps for elements it does not understand.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cxf/kdbx/xml_values.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// One element gathered while it streams by; its text (values, some of them secret) is wiped.
struct Node {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    crypto::Secret text;  // the element's own character data, CDATA included
    std::uint64_t line = 0;  // where its start tag is
    std::vector<Node> children;

    const char* attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return v.c_str();
        return nullptr;
    }
    // Whitespace between child elements is layout, not a value.
    std::string_view own_text() const {
        if (!children.empty() && blank(text.view())) return {};
        return text.view();
    }
};

inline bool named(const Node& node, std::string_view name) { return node.name == name; }

// The element as XML text.
std::string serialize(const Node& node);

}  // namespace cxf::kdbx::detail
