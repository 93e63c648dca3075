// SPDX-License-Identifier: MIT
// cxf's KDBX XML parser (cxf/kdbx/xml_parser.h) against expat on the same document: both accept it
// with the same elements, attributes, character data and lines, or both refuse it; and the parser
// fed in pieces of any size does exactly what it does fed the whole.
#pragma once

#include <optional>
#include <string>

#include "cxf/secret.h"

namespace cxf::fuzz {

struct XmlVerdict {
    bool accepted = false;
    std::string events;  // what the handler saw, one line per event, text pieces joined
    std::string error;   // why it was refused
    bool over_a_cap = false;  // refused for a size cap, not as malformed
};

XmlVerdict parse_with_expat(ByteView xml);
// Fed in pieces of `piece` bytes; 0 feeds the whole document at once.
XmlVerdict parse_with_cxf(ByteView xml, std::size_t piece);

// Nothing when the parsers agree, else what differs.
std::optional<std::string> compare_with_expat(ByteView xml);

}  // namespace cxf::fuzz
