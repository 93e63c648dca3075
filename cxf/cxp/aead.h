// SPDX-License-Identifier: MIT
// Internal: the HPKE AEADs (RFC 9180 §7.3) on OpenSSL EVP: AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305.
#pragma once

#include <optional>

#include "cxf/cxp/suite.h"
#include "cxf/secret.h"

namespace cxf::cxp::hpke::detail {

// ciphertext || 16-byte tag.
Bytes aead_seal(Aead aead, ByteView key, ByteView nonce, ByteView aad, ByteView plaintext);
// nullopt when the tag does not verify (or the input is shorter than a tag).
std::optional<crypto::SecureBytes> aead_open(Aead aead, ByteView key, ByteView nonce, ByteView aad,
                                             ByteView ciphertext);
// Decrypts `text` where it is, its tag apart (a JWE's ciphertext, which may be large): false when the
// tag does not verify (or is not the AEAD's tag size), and then `text` holds unauthenticated
// plaintext that the caller must wipe.
bool aead_open_in_place(Aead aead, ByteView key, ByteView nonce, ByteView aad, std::span<std::uint8_t> text,
                        ByteView tag);

}  // namespace cxf::cxp::hpke::detail
