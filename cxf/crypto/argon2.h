// SPDX-License-Identifier: MIT
// Argon2d and Argon2id (RFC 9106) through libargon2, for the KDFs of Bitwarden exports and KDBX.
#pragma once

#include <cstddef>
#include <cstdint>

#include "cxf/secret.h"

namespace cxf::crypto {

enum class Argon2Type { d, id };

// 0x10 is what KDBX files written before Argon2 1.3 ask for; 0x13 is RFC 9106.
enum class Argon2Version : std::uint32_t { v10 = 0x10, v13 = 0x13 };

// Bounds of libargon2 itself (argon2.h): memory is counted in KiB in a uint32, at least 8 KiB per lane.
inline constexpr std::uint64_t argon2_max_memory_kib = 0xFFFFFFFFu;
inline constexpr std::uint64_t argon2_max_lanes = 0xFFFFFF;
inline constexpr std::uint64_t argon2_min_kib_per_lane = 8;

struct Argon2Params {
    Argon2Type type = Argon2Type::id;
    Argon2Version version = Argon2Version::v13;
    std::uint32_t iterations = 3;
    std::uint32_t memory_kib = 64 * 1024;
    std::uint32_t lanes = 4;
    ByteView secret;           // optional key K (KDBX's "K")
    ByteView associated_data;  // optional data X (KDBX's "A")
};

// A `length`-byte tag. The lanes run in parallel threads, no more than the machine has cores (the
// result does not depend on the thread count, so a file cannot choose ours). Cost limits are the
// caller's to check first. Throws std::bad_alloc when the memory cannot be had, Errc::io when the
// threads cannot be started, Errc::unsupported for parameters libargon2 refuses.
SecureBytes argon2(ByteView password, ByteView salt, const Argon2Params& params, std::size_t length = 32);

}  // namespace cxf::crypto
