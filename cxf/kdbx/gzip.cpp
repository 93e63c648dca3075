// SPDX-License-Identifier: MIT
// zlib inflate/deflate in gzip framing, with output caps and wiped zlib memory.
#include "cxf/kdbx/gzip.h"

#include <algorithm>
#include <cstddef>

#include <zlib.h>

#include "cxf/error.h"
#include "cxf/io/deflate.h"
#include "cxf/io/zlib_memory.h"

namespace cxf::kdbx::detail {

namespace {

constexpr int gzip_window_bits = 16 + MAX_WBITS;  // zlib: gzip wrapper, 32 KiB window
constexpr std::size_t chunk = 64 * 1024;

// The ratio is checked against the input consumed so far once this much has come out, so that a
// bomb stops within its first few MiB rather than at the end; less than this may compress at any ratio.
constexpr std::uint64_t ratio_floor = 1 << 20;
// The gzip trailer's ISIZE (the size mod 2^32) sizes the buffer once instead of doubling it: a third
// less peak memory for a large database. It is only believed up to this many times the compressed
// size (real KDBX XML compresses 5 to 20 times) and the caps: the zeroing allocator touches every
// reserved byte when it frees them, so a lying trailer must not reserve much.
constexpr std::uint64_t trusted_isize_ratio = 64;

std::uint64_t times(std::uint64_t size, std::uint64_t factor) {
    return factor != 0 && size > UINT64_MAX / factor ? UINT64_MAX : size * factor;
}

std::uint64_t declared_size(ByteView compressed) {
    if (compressed.size() < 18) return 0;
    const std::uint8_t* t = compressed.data() + compressed.size() - 4;
    return std::uint64_t{t[0]} | std::uint64_t{t[1]} << 8 | std::uint64_t{t[2]} << 16 | std::uint64_t{t[3]} << 24;
}

}  // namespace

struct GzipReader::State {
    z_stream z = io::wiping_z_stream();
    crypto::SecureBytes window = crypto::SecureBytes(chunk);
    State() {
        if (inflateInit2(&z, gzip_window_bits) != Z_OK) throw Error(Errc::io, {}, "zlib: inflateInit2 failed");
        // No CRC-32 (feed() checks the length itself): every gzip member in a KDBX file is inside
        // data whose HMAC (KDBX 4) or block hashes (3.1) were checked before it is inflated, and the
        // CRC was 5 % of reading.
        inflateValidate(&z, 0);
    }
    ~State() { inflateEnd(&z); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
};

GzipReader::GzipReader(const Limits& limits, std::uint64_t& budget, const std::string& file, std::string place)
    : state_(std::make_unique<State>()), limits_(limits), budget_(budget), file_(file), place_(std::move(place)) {}

GzipReader::~GzipReader() = default;

void GzipReader::feed(ByteView compressed, const ByteSink& out) {
    z_stream& z = state_->z;
    std::size_t fed = 0;
    while (!ended_) {
        if (z.avail_in == 0 && fed < compressed.size()) {
            const std::size_t n = std::min<std::size_t>(compressed.size() - fed, UINT32_MAX);
            z.next_in = const_cast<Bytef*>(compressed.data() + fed);
            z.avail_in = static_cast<uInt>(n);
            fed += n;
        }
        z.next_out = state_->window.data();
        z.avail_out = static_cast<uInt>(chunk);
        const uInt in_before = z.avail_in;
        const int rc = inflate(&z, Z_NO_FLUSH);
        consumed_ += in_before - z.avail_in;
        for (const Bytef* b = z.next_in - std::min<uInt>(4, in_before - z.avail_in); b != z.next_in; ++b)
            last_four_ = last_four_ >> 8 | std::uint32_t{*b} << 24;
        const std::size_t n = chunk - z.avail_out;
        produced_ += n;
        take_inflated(budget_, n, limits_, file_, place_);  // as it comes out: attachments inflated meanwhile see what is left
        const std::uint64_t ratio = limits_.max_compression_ratio;
        if (produced_ > ratio_floor && produced_ > times(consumed_, ratio))
            throw Error(Errc::limit_exceeded, {file_, place_},
                        "decompresses to more than " + std::to_string(ratio) + " times its compressed size (" +
                            std::to_string(produced_) + " bytes from " + std::to_string(consumed_) +
                            " compressed bytes)");
        if (n > 0) out(ByteView(state_->window.data(), n));
        if (rc == Z_STREAM_END) {  // bytes after the gzip member are ignored
            if (last_four_ != static_cast<std::uint32_t>(produced_))
                throw Error(Errc::malformed, {file_, place_}, "the gzip data is damaged (its length is not the trailer's)");
            ended_ = true;
            return;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            throw Error(Errc::malformed, {file_, place_},
                        std::string("the gzip data is damaged") + (z.msg ? std::string(" (") + z.msg + ")" : ""));
        if (z.avail_in == 0 && fed == compressed.size() && z.avail_out != 0) return;  // wants more input
    }
}

void GzipReader::finish() const {
    if (!ended_) throw Error(Errc::malformed, {file_, place_}, "the gzip data is truncated");
}

void take_inflated(std::uint64_t& budget, std::uint64_t n, const Limits& limits, const std::string& file,
                   const std::string& place) {
    if (n > budget)
        throw Error(Errc::limit_exceeded, {file, place},
                    "the file's compressed data decompresses to more than the cap of " +
                        std::to_string(limits.max_decompressed_bytes) + " bytes in all");
    budget -= n;
}

void check_ratio(std::uint64_t inflated, std::uint64_t compressed, const Limits& limits, const std::string& file,
                 const std::string& place) {
    if (inflated > times(compressed, limits.max_compression_ratio))
        throw Error(Errc::limit_exceeded, {file, place},
                    "decompresses to more than " + std::to_string(limits.max_compression_ratio) +
                        " times its compressed size of " + std::to_string(compressed) + " bytes");
}

crypto::SecureBytes gunzip(ByteView compressed, const Limits& limits, std::uint64_t& budget, const std::string& file,
                           const std::string& place) {
    crypto::SecureBytes out;
    const std::uint64_t cap = std::min(budget, times(compressed.size(), limits.max_compression_ratio));
    if (const std::uint64_t isize = declared_size(compressed); isize > 0)
        out.reserve(static_cast<std::size_t>(
            std::min({isize, cap, times(compressed.size(), trusted_isize_ratio)})));
    GzipReader reader(limits, budget, file, place);
    reader.feed(compressed, [&](ByteView piece) {
        check_ratio(out.size() + piece.size(), compressed.size(), limits, file, place);
        out.insert(out.end(), piece.begin(), piece.end());
    });
    reader.finish();
    if (out.capacity() - out.size() > out.size() / 4) out.shrink_to_fit();
    return out;
}

crypto::SecureBytes gzip(ByteView data, int level) {
    io::MemoryOutput out;
    io::DeflateWriter writer(out, io::Framing::gzip, level);
    writer.write(data);
    writer.finish();
    return std::move(out.bytes());
}

}  // namespace cxf::kdbx::detail
