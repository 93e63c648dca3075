// SPDX-License-Identifier: MIT
// The KDBX XML document ↔ Database, with protected values passing through the inner stream.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

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

// Parses `xml` in place (values stay in this wiped buffer, not in pugixml's pool). `pool` holds the
// KDBX 4 inner-header binaries; KDBX 3.x pools come from Meta/Binaries.
Database read_xml(std::span<std::uint8_t> xml, std::vector<Binary> pool, const XmlReadContext& context);

struct XmlWriteContext {
    FormatVersion version;
    InnerStreamCipher& stream;
    ByteView header_hash;    // KDBX 3.x: written as Meta/HeaderHash, with the pool in Meta/Binaries
    bool compress_binaries;  // KDBX 3.x Meta/Binaries
};

// Appends the XML document to `out`.
void write_xml(const Database& database, const XmlWriteContext& context, crypto::SecureBytes& out);

}  // namespace cxf::kdbx::detail
