// SPDX-License-Identifier: MIT
// GZip (RFC 1952) for KDBX payloads and KDBX 3.x pooled binaries, with decompression caps.
#pragma once

#include <string>

#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// `budget` is what the file may still inflate to: Limits::max_decompressed_bytes at first, for the
// payload and every compressed attachment together; the output is taken from it. Errc::limit_exceeded
// once the output passes the budget or max_compression_ratio times the input; Errc::malformed for a
// damaged stream.
crypto::SecureBytes gunzip(ByteView compressed, const Limits& limits, std::uint64_t& budget, const std::string& file,
                           const std::string& place);
crypto::SecureBytes gzip(ByteView data);

}  // namespace cxf::kdbx::detail
