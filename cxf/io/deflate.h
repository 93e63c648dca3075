// SPDX-License-Identifier: MIT
// zlib's deflate as a stage of output (KDBX's gzip, zip entries), with zlib's memory wiped on release.
#pragma once

#include <cstdint>
#include <memory>

#include "cxf/io/output.h"

namespace cxf::io {

// zlib levels. cxf writes at 3: a KDBX of 100k entries deflates in 40 % of the CPU time of zlib's
// default (6), into a file 4 % larger, and a CXF archive in 60 % of it, 6 % larger (docs/benchmarks.md).
// 9 packs repetitive data tightest (the tests' bombs).
inline constexpr int fast_deflate = 3, tightest_deflate = 9;

// zlib's CRC-32 of `data` continued from `crc` (0 to start), for inputs of any size.
std::uint32_t crc32_of(ByteView data, std::uint32_t crc = 0);

// Whether deflating shrinks these bytes by a sixteenth or more (bytes already compressed, such as
// images, PDFs and archives, do not shrink), judged on their first 64 KiB deflated, or, when there
// are no more, on the spread of their byte values.
bool compresses(ByteView data);

enum class Framing { raw, gzip };

// Whether deflate looks for repeated strings (zlib's default strategy), or only Huffman-codes the
// bytes: for text with no repeats worth finding, such as base64 of encrypted bytes, that is as small
// and several times faster.
enum class Repeats { search, none };

// Compresses into `out` as it is written; finish() ends the stream. Counts what came in and went out,
// and for raw deflate the CRC-32 of what came in (zip needs them; gzip has its own).
class DeflateWriter final : public Output {
public:
    DeflateWriter(Output& out, Framing framing, int level = fast_deflate, Repeats repeats = Repeats::search);
    ~DeflateWriter() override;
    DeflateWriter(const DeflateWriter&) = delete;
    DeflateWriter& operator=(const DeflateWriter&) = delete;

    void write(ByteView data) override;
    // Written in stored blocks: deflating such bytes costs time and gains nothing.
    void write_incompressible(ByteView data) override;
    void write_without_repeats(ByteView data) override;
    void finish();
    // A new stream at the same level, keeping zlib's memory (a fresh writer allocates and wipes 300 KiB).
    void restart();

    std::uint64_t bytes_in() const noexcept { return in_; }
    std::uint64_t bytes_out() const noexcept { return out_count_; }
    std::uint32_t crc32() const noexcept { return crc_; }

private:
    void put(ByteView data, int level, int strategy);
    void deflate_into_out(ByteView data, bool last);
    void set_params(int level, int strategy);
    struct State;
    std::unique_ptr<State> state_;
    Output& out_;
    Framing framing_;
    int level_, strategy_;                  // for write()
    int current_level_, current_strategy_;  // zlib's now
    std::uint64_t in_ = 0, out_count_ = 0;
    std::uint32_t crc_ = 0;
};

}  // namespace cxf::io
