// SPDX-License-Identifier: MIT
#include "cxf/io/zlib_memory.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>

#include "cxf/secret.h"

namespace cxf::io {

namespace {

// Each block keeps its size in front of what zlib sees, so that it can be wiped when freed.
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
    crypto::wipe(address, n);
    std::free(block);
}

}  // namespace

z_stream wiping_z_stream() {
    z_stream z{};
    z.zalloc = wiping_alloc;
    z.zfree = wiping_free;
    return z;
}

}  // namespace cxf::io
