// SPDX-License-Identifier: MIT
// The KDBX XML document ↔ Database, with protected values passing through the inner stream.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "cxf/io/output.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/inner_stream.h"

namespace cxf::kdbx::detail {

struct XmlReadContext {
    const std::string& file;
    const Limits& limits;
    FormatVersion version;
    InnerStreamCipher& stream;
    ByteView header_hash;  // SHA-256 of the outer header, checked against Meta/HeaderHash when present
    std::uint64_t& inflate_budget;  // for compressed attachments (gunzip)
};

// The XML document as it is decrypted, fed in pieces to the XML parser (xml_parser.h) and handed to the
// visitor one entry at a time. `pool` holds the KDBX 4 inner-header binaries; KDBX 3.x pools come from
// Meta/Binaries.
class XmlReader {
public:
    XmlReader(const XmlReadContext& context, std::vector<Binary> pool, DatabaseVisitor& visitor);
    ~XmlReader();
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    void feed(ByteView xml);
    // The document has ended: checks it is complete and hands over the rest.
    void finish(VariantMap public_custom_data);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

struct XmlWriteContext {
    FormatVersion version;
    InnerStreamCipher& stream;
    ByteView header_hash;    // KDBX 3.x: written as Meta/HeaderHash, with the pool in Meta/Binaries
    bool compress_binaries;  // KDBX 3.x Meta/Binaries
    const EntrySource* more = nullptr;  // entries written after each group's own
};

// Errc::usage when one of the entry's attachments (or its history's) is outside the pool.
void check_binary_refs(const Entry& entry, std::size_t pool_size);

// Writes the XML document to `sink` in pieces.
void write_xml(const Database& database, const XmlWriteContext& context, io::Output& sink);

}  // namespace cxf::kdbx::detail
