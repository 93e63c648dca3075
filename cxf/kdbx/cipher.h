// SPDX-License-Identifier: MIT
// The outer payload cipher: AES-256-CBC and Twofish-CBC with PKCS#7 padding, ChaCha20 (RFC 8439).
#pragma once

#include <optional>

#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

// nullopt when the CBC padding is wrong (a wrong key, or damage): the caller decides what that means.
// Errc::malformed when a CBC ciphertext is not a whole number of blocks.
std::optional<crypto::SecureBytes> decrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView ciphertext,
                                                   const std::string& file, const std::string& place);

// AES-256-CBC or ChaCha20; Twofish is read-only (Errc::usage).
Bytes encrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView plaintext);

}  // namespace cxf::kdbx::detail
