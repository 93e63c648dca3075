// SPDX-License-Identifier: MIT
// The values of KDBX XML: each gathered element (xml_node.h) read into the Database model, in
// document order, which is the order protected values consume the inner stream. Element names as
// KeePass 2.55 KdbxFile.Read.Streamed. A bad value is reported at its own element's line.
#pragma once

#include <memory>

#include "cxf/kdbx/xml.h"
#include "cxf/kdbx/xml_node.h"

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
    void pool_binary(const Node& node);  // KDBX 3.x Meta/Binaries/Binary
    void group_field(const Node& node, Group& group) const;
    Entry entry(Node& node);  // with its history; the values move out of `node`
    // The attachments the last entry stored inline (KDBX 2.x): they follow the pool, in this order.
    std::vector<Binary> take_inline_binaries();
    void deleted_object(const Node& node);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cxf::kdbx::detail
