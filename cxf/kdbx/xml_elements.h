// SPDX-License-Identifier: MIT
// The values of KDBX XML read into the Database model, in document order, which is the order
// protected values consume the inner stream: entries as they stream by, element by element, and
// the rest (Meta, group fields) as small gathered trees (xml_node.h). Element names as KeePass 2.55
// KdbxFile.Read.Streamed. A bad value is reported at its own element's line.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "cxf/kdbx/xml.h"
#include "cxf/kdbx/xml_node.h"
#include "cxf/kdbx/xml_parser.h"

namespace cxf::kdbx::detail {

class ElementReader {
public:
    // What is not an entry or a group goes into `rest`: Meta, the pool (which may start with the
    // binaries of the KDBX 4 inner header), deleted objects.
    ElementReader(const XmlReadContext& context, Database& rest);
    ~ElementReader();
    ElementReader(const ElementReader&) = delete;
    ElementReader& operator=(const ElementReader&) = delete;

    void meta_child(const Node& node);
    // A KDBX 3.x pooled attachment, Meta/Binaries/Binary, decoded as its text streams by.
    void begin_pool_binary(std::span<const XmlAttribute> attributes, std::uint64_t line);
    void pool_binary_text(std::string_view data, std::uint64_t line);
    void end_pool_binary();
    void group_field(const Node& node, Group& group) const;
    void deleted_object(const Node& node);

    // An entry, read as it streams by: begin_entry() at its start tag, then each event inside it,
    // until entry_end() says the entry itself has ended.
    void begin_entry();
    // False for an element this model does not know, directly in the entry: the caller gathers it
    // and hands its XML text to entry_unknown().
    bool entry_element(std::string_view name, std::span<const XmlAttribute> attributes, std::uint64_t line);
    void entry_text(std::string_view data, std::uint64_t line);
    // An end tag in the entry: true when it is the entry's own.
    bool entry_end();
    void entry_unknown(std::string xml);
    Entry take_entry();  // with its history
    // The attachments the last entry stored inline (KDBX 2.x): they follow the pool, in this order.
    std::vector<Binary> take_inline_binaries();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cxf::kdbx::detail
