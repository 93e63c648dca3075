// SPDX-License-Identifier: MIT
// Builds KDBX files from raw parts with the library's own building blocks, so that tests can put
// hostile content (bombs, deep or entity-laden XML, bad references) behind valid hashes and MACs.
#pragma once

#include <optional>
#include <string_view>

#include "cxf/kdbx/header.h"

namespace test::kdbx {

// The inner stream key forge_kdbx4 uses (ChaCha20), so tests can encrypt protected values themselves.
inline constexpr std::uint8_t forged_stream_key_byte = 0x11;
cxf::Bytes forged_stream_key();

// A KDBX 4.0 file (AES-256, AES-KDF with 10 rounds) whose payload is an inner header without
// binaries followed by `xml`, or exactly `raw_payload` when given (before compression).
cxf::Bytes forge_kdbx4(std::string_view xml, const cxf::kdbx::CompositeKey& key,
                       cxf::kdbx::Compression compression = cxf::kdbx::Compression::none,
                       std::optional<cxf::ByteView> raw_payload = std::nullopt);

// Just a header with these KDF parameters, its correct SHA-256, and junk after it.
cxf::Bytes forge_header(const cxf::kdbx::KdfParameters& kdf, cxf::kdbx::FormatVersion version);

}  // namespace test::kdbx
