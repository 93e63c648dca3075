// SPDX-License-Identifier: MIT
// One OpenSSL cipher pass over a whole buffer (AES-256-CBC, ChaCha20, …), for every format that
// encrypts with them.
#pragma once

#include <optional>

#include <openssl/evp.h>

#include "cxf/secret.h"

namespace cxf::crypto {

// Encrypts or decrypts all of `input` (in pieces: OpenSSL counts in int). `padding`: PKCS#7 for
// block ciphers. nullopt when decryption's final block is rejected (bad padding: a wrong key or
// damage, which the caller tells apart); OpenSSL failing otherwise throws Errc::io.
std::optional<SecureBytes> run_cipher(const EVP_CIPHER* cipher, bool encrypt, ByteView key, ByteView iv, ByteView input,
                                      bool padding);

}  // namespace cxf::crypto
