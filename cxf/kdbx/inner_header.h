// SPDX-License-Identifier: MIT
// The KDBX 4 inner header: inner stream settings and the attachment pool, ahead of the XML.
#pragma once

#include <string>
#include <vector>

#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

struct InnerHeader {
    InnerStream stream = InnerStream::none;
    crypto::SecureBytes stream_key;
    std::vector<Binary> binaries;
    std::size_t size = 0;  // where the XML starts
};

// Offsets in messages are positions in the decrypted, decompressed payload.
InnerHeader parse_inner_header(ByteView payload, const std::string& file);
// Written into `out` field by field: the attachments are not copied.
void write_inner_header(InnerStream stream, ByteView stream_key, const std::vector<Binary>& binaries, io::Output& out);

}  // namespace cxf::kdbx::detail
