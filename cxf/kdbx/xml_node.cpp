// SPDX-License-Identifier: MIT
#include "cxf/kdbx/xml_node.h"

namespace cxf::kdbx::detail {

namespace {

void escape(std::string& out, std::string_view text, bool attribute) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out += c;
                break;
            default: out += c;
        }
    }
}

// The element as XML text, for elements the model keeps without understanding them.
void serialize(const Node& node, std::string& out) {
    out += '<';
    out += node.name;
    for (const auto& [key, value] : node.attributes) {
        out += ' ';
        out += key;
        out += "=\"";
        escape(out, value, true);
        out += '"';
    }
    const std::string_view text = node.own_text();
    if (text.empty() && node.children.empty()) {
        out += "/>";
        return;
    }
    out += '>';
    escape(out, text, false);
    for (const Node& child : node.children) serialize(child, out);
    out += "</";
    out += node.name;
    out += '>';
}

}  // namespace

std::string serialize(const Node& node) {
    std::string out;
    serialize(node, out);
    return out;
}

}  // namespace cxf::kdbx::detail
