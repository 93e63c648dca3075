// SPDX-License-Identifier: MIT
// Payload framing: KDBX 4's HMAC block stream (around the ciphertext) and KDBX 3.x's hashed block
// stream (inside the plaintext).
#pragma once

#include <string>

#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// Verifies every block's HMAC (before anything is decrypted) and returns the joined ciphertext.
// `offset` is where `blocks` starts in the file. Errc::integrity names the failing block and offset;
// Errc::malformed for truncation (no final empty block).
Bytes read_hmac_blocks(ByteView blocks, std::size_t offset, ByteView hmac_base_key, const std::string& file);
Bytes write_hmac_blocks(ByteView ciphertext, ByteView hmac_base_key);

// Checks index and SHA-256 of every block and returns the joined payload. Offsets in messages are
// positions in the decrypted stream.
crypto::SecureBytes read_hashed_blocks(ByteView stream, const std::string& file);
void write_hashed_blocks(ByteView payload, crypto::SecureBytes& out);

}  // namespace cxf::kdbx::detail
