// SPDX-License-Identifier: MIT
// GZip (RFC 1952) for KDBX payloads and KDBX 3.x pooled binaries, with decompression caps.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "cxf/io/output.h"
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

// zlib levels. cxf writes at 3: a KDBX of 100k entries deflates in 40 % of the CPU time of zlib's
// default (6), into a file 4 % larger (docs/benchmarks.md), and KeePass and KeePassXC recompress it
// on their next save anyway. 9 packs repetitive data tightest (the tests' bombs).
inline constexpr int fast_deflate = 3, tightest_deflate = 9;

// A gzip member compressed into `out` as it is written.
class GzipWriter final : public io::Output {
public:
    explicit GzipWriter(io::Output& out, int level = fast_deflate);
    ~GzipWriter() override;
    GzipWriter(const GzipWriter&) = delete;
    GzipWriter& operator=(const GzipWriter&) = delete;

    void write(ByteView data) override;
    // Ends the member.
    void finish();

private:
    void deflate_into_out(ByteView data, bool last);
    struct State;
    std::unique_ptr<State> state_;
    io::Output& out_;
};

// A whole gzip member, sized from its trailer where that is believable.
crypto::SecureBytes gunzip(ByteView compressed, const Limits& limits, std::uint64_t& budget, const std::string& file,
                           const std::string& place);
crypto::SecureBytes gzip(ByteView data, int level = fast_deflate);

}  // namespace cxf::kdbx::detail
