// SPDX-License-Identifier: MIT
// GZip (RFC 1952) for KDBX payloads and KDBX 3.x pooled binaries, with decompression caps.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "cxf/io/deflate.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// One gzip member inflated piece by piece. `budget` is what the file may still inflate to:
// Limits::max_decompressed_bytes at first, for the payload and every compressed attachment
// together; the output is taken from it. Errc::limit_exceeded once the output passes the budget or
// max_compression_ratio times the input read so far; Errc::malformed for a damaged stream.
class GzipReader {
public:
    GzipReader(const Limits& limits, std::uint64_t& budget, const std::string& file, std::string place);
    ~GzipReader();
    GzipReader(const GzipReader&) = delete;
    GzipReader& operator=(const GzipReader&) = delete;

    // Inflates `compressed` (the next bytes of the member), handing each inflated piece to `out`
    // (valid only during the call). Bytes after the end of the member are ignored.
    void feed(ByteView compressed, const ByteSink& out);
    // Errc::malformed when the member has not ended.
    void finish() const;

private:
    struct State;
    std::unique_ptr<State> state_;
    const Limits& limits_;
    std::uint64_t& budget_;
    const std::string& file_;
    std::string place_;
    std::uint64_t consumed_ = 0, produced_ = 0;
    std::uint32_t last_four_ = 0;  // the last compressed bytes taken, little-endian: the trailer's length at the end
    bool ended_ = false;
};

// Takes `n` inflated bytes from `budget`; Errc::limit_exceeded, at `place`, when fewer are left.
void take_inflated(std::uint64_t& budget, std::uint64_t n, const Limits& limits, const std::string& file,
                   const std::string& place);

// Errc::limit_exceeded, at `place`, when `inflated` bytes are more than Limits::max_compression_ratio
// times `compressed`: for a whole member, which GzipReader checks only past its first MiB out.
void check_ratio(std::uint64_t inflated, std::uint64_t compressed, const Limits& limits, const std::string& file,
                 const std::string& place);

// A whole gzip member, sized from its trailer where that is believable.
crypto::SecureBytes gunzip(ByteView compressed, const Limits& limits, std::uint64_t& budget, const std::string& file,
                           const std::string& place);
crypto::SecureBytes gzip(ByteView data, int level = io::fast_deflate);

}  // namespace cxf::kdbx::detail
