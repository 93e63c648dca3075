// SPDX-License-Identifier: MIT
// The outer payload cipher: AES-256-CBC and Twofish-CBC with PKCS#7 padding, ChaCha20 (RFC 8439).
#pragma once

#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

// The payload decrypted with its CBC padding still on. Errc::malformed when a CBC ciphertext is not a
// whole number of blocks.
crypto::SecureBytes decrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView ciphertext,
                                    const std::string& file, const std::string& place);

// Removes the PKCS#7 padding of the CBC ciphers (ChaCha20 has none). False when it is wrong (a wrong
// key, or damage to the last blocks): the caller decides what that means.
bool strip_padding(Cipher cipher, crypto::SecureBytes& plain);

// AES-256-CBC or ChaCha20; Twofish is read-only (Errc::usage).
Bytes encrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView plaintext);

}  // namespace cxf::kdbx::detail
