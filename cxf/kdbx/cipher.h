// SPDX-License-Identifier: MIT
// The outer payload cipher: AES-256-CBC and Twofish-CBC with PKCS#7 padding, ChaCha20 (RFC 8439).
#pragma once

#include <memory>

#include "cxf/crypto/openssl_ptr.h"
#include "cxf/io/output.h"
#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

// The payload decrypted piece by piece, its CBC padding still on. The CBC ciphers take pieces of
// whole blocks.
class PayloadDecryptor {
public:
    PayloadDecryptor(Cipher cipher, ByteView key, ByteView iv);
    ~PayloadDecryptor();
    PayloadDecryptor(const PayloadDecryptor&) = delete;
    PayloadDecryptor& operator=(const PayloadDecryptor&) = delete;

    // Appends the plaintext of `ciphertext` to `out`.
    void update(ByteView ciphertext, crypto::SecureBytes& out);
    // False when a CBC ciphertext so far ends inside a block.
    bool whole_blocks() const noexcept;

private:
    void openssl_update(ByteView ciphertext, crypto::SecureBytes& out);

    struct State;
    std::unique_ptr<State> state_;
};

// Errc::malformed when a CBC ciphertext is not a whole number of blocks.
void check_whole_blocks(Cipher cipher, std::size_t ciphertext_size, const std::string& file, const std::string& place);

// Removes the PKCS#7 padding of the CBC ciphers (ChaCha20 has none). False when it is wrong (a wrong
// key, or damage to the last blocks): the caller decides what that means.
bool strip_padding(Cipher cipher, crypto::SecureBytes& plain);

// The payload encrypted into `out` as it is written, with AES-256-CBC or ChaCha20 (Twofish is read-only:
// Errc::usage). finish() adds the CBC padding.
class PayloadEncryptor final : public io::Output {
public:
    PayloadEncryptor(Cipher cipher, ByteView key, ByteView iv, io::Output& out);
    ~PayloadEncryptor() override;
    PayloadEncryptor(const PayloadEncryptor&) = delete;
    PayloadEncryptor& operator=(const PayloadEncryptor&) = delete;

    void write(ByteView plaintext) override;
    void finish();

private:
    crypto::CipherCtxPtr ctx_;
    io::Output& out_;
    Bytes ciphertext_;
};

// A whole payload at once, through PayloadEncryptor.
Bytes encrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView plaintext);

}  // namespace cxf::kdbx::detail
