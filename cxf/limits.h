// SPDX-License-Identifier: MIT
// Caps on everything an input controls: sizes, nesting, counts, KDF cost, decompression.
#pragma once

#include <cstdint>

namespace cxf {

// Exceeding a cap raises Errc::limit_exceeded naming the value and the cap. Callers (the CLI's
// --max-* options) may raise them explicitly; the defaults fit any real vault with room to spare.
struct Limits {
    std::uint64_t max_input_bytes = 1ull << 30;        // one input file (or one decrypted payload)
    std::uint64_t max_string_bytes = 16ull << 20;      // one JSON string or XML text node
    std::uint32_t max_depth = 256;                     // JSON/XML nesting
    std::uint64_t max_json_values = 1ull << 24;        // JSON values held at once (items are streamed)
    std::uint64_t max_decompressed_bytes = 4ull << 30; // total inflated output of one input
    std::uint32_t max_compression_ratio = 1000;        // inflated / compressed, per stream or zip entry
    std::uint32_t max_zip_entries = 100000;
    std::uint64_t max_kdf_memory_bytes = 4ull << 30;   // Argon2 memory (KeePass itself allows under 2 GiB)
    // Argon2 passes. KeePassXC benchmarks passes at 64 MiB for an unlock time of up to 5 s, which is
    // several hundred passes on a fast machine; the memory cap bounds the cost of each pass.
    std::uint64_t max_kdf_iterations = 1000;
    // KDBX AES-KDF rounds: about 15-30 s at 35-70 million rounds/s (measured with AES-NI); KeePassXC's
    // longest unlock-time setting (5 s) gives a few hundred million.
    std::uint64_t max_aes_kdf_rounds = 1ull << 30;
    std::uint64_t max_pbkdf2_iterations = 10'000'000;
};

}  // namespace cxf
