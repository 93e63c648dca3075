// SPDX-License-Identifier: MIT
#include "cxf/io/deflate.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "cxf/error.h"
#include "cxf/io/zlib_memory.h"

namespace cxf::io {

namespace {

constexpr std::size_t chunk = 64 * 1024;

}  // namespace

std::uint32_t crc32_of(ByteView data, std::uint32_t crc) {
    uLong value = crc;
    for (std::size_t at = 0; at < data.size();) {
        const auto n = static_cast<uInt>(std::min<std::size_t>(data.size() - at, UINT32_MAX));
        value = ::crc32(value, data.data() + at, n);
        at += n;
    }
    return static_cast<std::uint32_t>(value);
}

// Bits per byte that the bytes' own frequencies allow (order-0 entropy): compressed and encrypted
// bytes come near 8, text near 4 to 6.
double entropy_bits(ByteView data) {
    std::array<std::uint32_t, 256> counts{};
    for (const std::uint8_t b : data) ++counts[b];
    double bits = 0;
    const double n = static_cast<double>(data.size());
    for (const std::uint32_t c : counts)
        if (c != 0) bits -= c / n * std::log2(c / n);
    return bits;
}

bool compresses(ByteView data) {
    constexpr std::size_t sample = 64 << 10;
    // Deflating random bytes is several times slower than deflating text, and a short sample says
    // little, so short data is judged by its bytes' spread: below 7.5 bits a byte, Huffman codes
    // alone save a sixteenth.
    if (data.size() <= sample) return entropy_bits(data) < 7.5;
    NullOutput nowhere;
    DeflateWriter deflate(nowhere, Framing::raw);
    deflate.write(data.first(sample));
    deflate.finish();
    return deflate.bytes_out() < sample - sample / 16;
}

struct DeflateWriter::State {
    z_stream z = wiping_z_stream();
    crypto::SecureBytes buffer = crypto::SecureBytes(chunk);  // compressed plaintext: wiped
    State(Framing framing, int level, int strategy) {
        const int window_bits = framing == Framing::gzip ? 16 + MAX_WBITS : -MAX_WBITS;
        if (deflateInit2(&z, level, Z_DEFLATED, window_bits, 8, strategy) != Z_OK)
            throw Error(Errc::io, {}, "zlib: deflateInit2 failed");
    }
    ~State() { deflateEnd(&z); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
};

DeflateWriter::DeflateWriter(Output& out, Framing framing, int level, Repeats repeats)
    : out_(out), framing_(framing), level_(level),
      strategy_(repeats == Repeats::none ? Z_HUFFMAN_ONLY : Z_DEFAULT_STRATEGY) {
    state_ = std::make_unique<State>(framing, level, strategy_);
    current_level_ = level_;
    current_strategy_ = strategy_;
}

DeflateWriter::~DeflateWriter() = default;

void DeflateWriter::write(ByteView data) { put(data, level_, strategy_); }

void DeflateWriter::write_incompressible(ByteView data) { put(data, Z_NO_COMPRESSION, strategy_); }

void DeflateWriter::write_without_repeats(ByteView data) { put(data, level_, Z_HUFFMAN_ONLY); }

// The parameters change only when they differ: each change ends a deflate block, and a KDBX of many
// small attachments, stored, would otherwise end two per attachment.
void DeflateWriter::put(ByteView data, int level, int strategy) {
    if (level != current_level_ || strategy != current_strategy_) set_params(level, strategy);
    if (framing_ == Framing::raw) crc_ = crc32_of(data, crc_);
    in_ += data.size();
    deflate_into_out(data, false);
}

// zlib ends the block deflated so far before it changes parameters, which may take more than one buffer.
void DeflateWriter::set_params(int level, int strategy) {
    current_level_ = level;
    current_strategy_ = strategy;
    z_stream& z = state_->z;
    crypto::SecureBytes& buffer = state_->buffer;
    for (;;) {
        z.next_out = buffer.data();
        z.avail_out = static_cast<uInt>(buffer.size());
        const int rc = deflateParams(&z, level, strategy);
        const std::size_t produced = buffer.size() - z.avail_out;
        if (produced != 0) {
            out_.write(ByteView(buffer.data(), produced));
            out_count_ += produced;
        }
        if (rc == Z_OK) return;
        if (rc != Z_BUF_ERROR || produced == 0) throw Error(Errc::io, {}, "zlib: deflateParams failed");
    }
}

void DeflateWriter::finish() { deflate_into_out({}, true); }

void DeflateWriter::restart() {
    if (deflateReset(&state_->z) != Z_OK) throw Error(Errc::io, {}, "zlib: deflateReset failed");
    in_ = out_count_ = 0;
    crc_ = 0;
}

void DeflateWriter::deflate_into_out(ByteView data, bool last) {
    z_stream& z = state_->z;
    crypto::SecureBytes& buffer = state_->buffer;
    std::size_t fed = 0;
    for (;;) {
        if (z.avail_in == 0 && fed < data.size()) {
            const std::size_t n = std::min<std::size_t>(data.size() - fed, UINT32_MAX);
            z.next_in = const_cast<Bytef*>(data.data() + fed);
            z.avail_in = static_cast<uInt>(n);
            fed += n;
        }
        const bool all_in = fed == data.size() && z.avail_in == 0;
        z.next_out = buffer.data();
        z.avail_out = static_cast<uInt>(buffer.size());
        const int rc = deflate(&z, last && all_in ? Z_FINISH : Z_NO_FLUSH);
        const std::size_t produced = buffer.size() - z.avail_out;
        if (produced != 0) {
            out_.write(ByteView(buffer.data(), produced));
            out_count_ += produced;
        }
        if (rc == Z_STREAM_END) return;
        if (rc != Z_OK && rc != Z_BUF_ERROR) throw Error(Errc::io, {}, "zlib: deflate failed");
        if (!last && all_in && z.avail_out != 0) return;  // all taken in; the rest comes with more input
    }
}

}  // namespace cxf::io
