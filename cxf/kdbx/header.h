// SPDX-License-Identifier: MIT
// The KDBX outer header: signature, version and the TLV fields before the encrypted payload.
#pragma once

#include <optional>
#include <string>

#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

inline constexpr std::uint32_t signature1 = 0x9AA2D903;
inline constexpr std::uint32_t signature2_kdbx = 0xB54BFB67;
inline constexpr std::uint32_t signature2_prerelease = 0xB54BFB66;  // KeePass 2 betas; KeePass still reads it
inline constexpr std::uint32_t signature2_kdb = 0xB54BFB65;         // KeePass 1.x

struct OuterHeader {
    FormatVersion version;
    Cipher cipher = Cipher::aes256_cbc;
    Compression compression = Compression::gzip;
    Bytes master_seed;
    Bytes iv;
    KdfParameters kdf;
    // KDBX 3.x only; KDBX 4 moves these into the encrypted inner header or drops them.
    crypto::SecureBytes stream_key;
    Bytes stream_start_bytes;
    InnerStream inner_stream = InnerStream::none;
    VariantMap public_custom_data;  // KDBX 4 only
    std::size_t size = 0;           // bytes from the signature to the end of the EndOfHeader field
};

// Throws Errc::unrecognized (no KDBX signature), unsupported (KeePass 1.x, newer major version,
// unknown cipher or KDF) or malformed (truncated, wrong field sizes, missing fields).
OuterHeader parse_header(ByteView file, const std::string& file_name);
// How long the header at the start of `file` is, from its fields' lengths (a file read in pieces
// gathers that much before parse_header); nullopt while more bytes are needed to tell. Whether it is
// a valid header is parse_header's to say.
std::optional<std::size_t> header_length(ByteView file);
Bytes write_header(const OuterHeader& header);

HeaderInfo header_info(const OuterHeader& header);

// KeePass CrsAlgorithm ids: 0 none, 1 the ArcFour variant (refused), 2 Salsa20, 3 ChaCha20.
InnerStream inner_stream_from_id(std::uint32_t id, const std::string& file, const std::string& place);
std::uint32_t inner_stream_id(InnerStream stream) noexcept;

// IV length the cipher needs.
std::size_t iv_size(Cipher cipher) noexcept;

}  // namespace cxf::kdbx::detail
