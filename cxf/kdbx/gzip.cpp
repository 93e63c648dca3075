// SPDX-License-Identifier: MIT
// zlib inflate/deflate in gzip framing, with output caps and wiped zlib memory.
#include "cxf/kdbx/gzip.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>

#include <openssl/crypto.h>
#include <zlib.h>

#include "cxf/error.h"

namespace cxf::kdbx::detail {

namespace {

constexpr int gzip_window_bits = 16 + MAX_WBITS;  // zlib: gzip wrapper, 32 KiB window
constexpr std::size_t chunk = 64 * 1024;

// zlib's window and state hold plaintext, so its memory is wiped when zlib frees it. Each block
// keeps its size in front of what zlib sees.
constexpr std::size_t size_prefix = alignof(std::max_align_t);

voidpf wiping_alloc(voidpf, uInt items, uInt size) {
    const std::size_t n = std::size_t{items} * size;
    auto* block = static_cast<unsigned char*>(std::malloc(n + size_prefix));
    if (!block) return Z_NULL;
    std::memcpy(block, &n, sizeof n);
    return block + size_prefix;
}

void wiping_free(voidpf, voidpf address) {
    auto* block = static_cast<unsigned char*>(address) - size_prefix;
    std::size_t n;
    std::memcpy(&n, block, sizeof n);
    OPENSSL_cleanse(address, n);
    std::free(block);
}

z_stream wiping_stream() {
    z_stream z{};
    z.zalloc = wiping_alloc;
    z.zfree = wiping_free;
    return z;
}

struct Inflater {
    z_stream z = wiping_stream();
    Inflater() {
        if (inflateInit2(&z, gzip_window_bits) != Z_OK) throw Error(Errc::io, {}, "zlib: inflateInit2 failed");
    }
    ~Inflater() { inflateEnd(&z); }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
};

struct Deflater {
    z_stream z = wiping_stream();
    Deflater() {
        if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip_window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw Error(Errc::io, {}, "zlib: deflateInit2 failed");
    }
    ~Deflater() { deflateEnd(&z); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
};

}  // namespace

crypto::SecureBytes gunzip(ByteView compressed, const Limits& limits, std::uint64_t& budget, const std::string& file,
                           const std::string& place) {
    const std::uint64_t ratio = limits.max_compression_ratio;
    const std::uint64_t ratio_cap =
        ratio != 0 && compressed.size() > UINT64_MAX / ratio ? UINT64_MAX : compressed.size() * ratio;
    const std::uint64_t cap = std::min(budget, ratio_cap);
    Inflater inflater;
    z_stream& z = inflater.z;
    crypto::SecureBytes out;
    // The gzip trailer's ISIZE (the size mod 2^32) sizes the buffer once instead of doubling it: a
    // third less peak memory for a large database. Only a hint, held to the cap like the output.
    if (compressed.size() >= 18) {
        const std::uint8_t* t = compressed.data() + compressed.size() - 4;
        const std::uint64_t isize = std::uint64_t{t[0]} | std::uint64_t{t[1]} << 8 | std::uint64_t{t[2]} << 16 |
                                    std::uint64_t{t[3]} << 24;
        out.reserve(static_cast<std::size_t>(std::min(isize + chunk, cap)));
    }
    std::size_t fed = 0;
    for (;;) {
        if (z.avail_in == 0 && fed < compressed.size()) {
            const std::size_t n = std::min<std::size_t>(compressed.size() - fed, UINT32_MAX);
            z.next_in = const_cast<Bytef*>(compressed.data() + fed);
            z.avail_in = static_cast<uInt>(n);
            fed += n;
        }
        const std::size_t before = out.size();
        out.resize(before + chunk);
        z.next_out = out.data() + before;
        z.avail_out = static_cast<uInt>(chunk);
        const int rc = inflate(&z, Z_NO_FLUSH);
        out.resize(before + chunk - z.avail_out);
        if (out.size() > cap) {
            const bool by_ratio = cap < budget;
            throw Error(Errc::limit_exceeded, {file, place},
                        by_ratio ? "decompresses to more than " + std::to_string(limits.max_compression_ratio) +
                                       " times its compressed size (" + std::to_string(compressed.size()) +
                                       " bytes); cap " + std::to_string(cap) + " bytes"
                                 : "the file's compressed data decompresses to more than the cap of " +
                                       std::to_string(limits.max_decompressed_bytes) + " bytes in all");
        }
        if (rc == Z_STREAM_END) {  // bytes after the gzip member are ignored
            budget -= out.size();
            return out;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && fed == compressed.size())
            throw Error(Errc::malformed, {file, place}, "the gzip data is truncated");
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            throw Error(Errc::malformed, {file, place},
                        std::string("the gzip data is damaged") + (z.msg ? std::string(" (") + z.msg + ")" : ""));
    }
}

crypto::SecureBytes gzip(ByteView data) {
    Deflater deflater;
    z_stream& z = deflater.z;
    crypto::SecureBytes out;
    out.reserve(deflateBound(&z, static_cast<uLong>(std::min<std::size_t>(data.size(), UINT32_MAX))) + 64);
    std::size_t fed = 0;
    for (;;) {
        if (z.avail_in == 0 && fed < data.size()) {
            const std::size_t n = std::min<std::size_t>(data.size() - fed, UINT32_MAX);
            z.next_in = const_cast<Bytef*>(data.data() + fed);
            z.avail_in = static_cast<uInt>(n);
            fed += n;
        }
        const int flush = fed == data.size() && z.avail_in == 0 ? Z_FINISH : Z_NO_FLUSH;
        const std::size_t before = out.size();
        out.resize(before + chunk);
        z.next_out = out.data() + before;
        z.avail_out = static_cast<uInt>(chunk);
        const int rc = deflate(&z, flush);
        out.resize(before + chunk - z.avail_out);
        if (rc == Z_STREAM_END) return out;
        if (rc != Z_OK && rc != Z_BUF_ERROR) throw Error(Errc::io, {}, "zlib: deflate failed");
    }
}

}  // namespace cxf::kdbx::detail
