// SPDX-License-Identifier: MIT
// OpenSSL for AES-256-CBC and ChaCha20, nettle for Twofish (OpenSSL has none).
#include "cxf/kdbx/cipher.h"

#include <algorithm>

#include <nettle/cbc.h>
#include <nettle/twofish.h>

#include "cxf/crypto/cipher.h"
#include "cxf/error.h"

namespace cxf::kdbx::detail {

namespace {

constexpr std::size_t block_size = 16;

// OpenSSL's ChaCha20 IV is a 32-bit little-endian block counter followed by the 96-bit nonce.
Bytes chacha20_iv(ByteView nonce) {
    Bytes iv(16, 0);
    std::copy_n(nonce.begin(), std::min<std::size_t>(nonce.size(), 12), iv.begin() + 4);
    return iv;
}

const EVP_CIPHER* evp_cipher(Cipher cipher) { return cipher == Cipher::chacha20 ? EVP_chacha20() : EVP_aes_256_cbc(); }

crypto::SecureBytes openssl_decrypt(Cipher cipher, ByteView key, ByteView iv, ByteView ciphertext) {
    const Bytes full_iv = cipher == Cipher::chacha20 ? chacha20_iv(iv) : Bytes(iv.begin(), iv.end());
    return *crypto::run_cipher(evp_cipher(cipher), false, key, full_iv, ciphertext, false);  // no padding: never rejected
}

crypto::SecureBytes twofish_decrypt(ByteView key, ByteView iv, ByteView ciphertext) {
    twofish_ctx ctx;
    twofish_set_key(&ctx, key.size(), key.data());
    std::uint8_t chain[block_size];
    std::copy(iv.begin(), iv.end(), chain);
    crypto::SecureBytes out(ciphertext.size());
    nettle_cipher_func* const decrypt_block = [](const void* c, std::size_t n, std::uint8_t* dst,
                                                 const std::uint8_t* src) {
        twofish_decrypt(static_cast<const twofish_ctx*>(c), n, dst, src);
    };
    cbc_decrypt(&ctx, decrypt_block, block_size, chain, ciphertext.size(), out.data(), ciphertext.data());
    OPENSSL_cleanse(&ctx, sizeof ctx);
    return out;
}

}  // namespace

crypto::SecureBytes decrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView ciphertext,
                                    const std::string& file, const std::string& place) {
    if (cipher == Cipher::chacha20) return openssl_decrypt(cipher, key, iv, ciphertext);
    if (ciphertext.size() % block_size != 0)
        throw Error(Errc::malformed, {file, place},
                    "the encrypted payload (" + std::to_string(ciphertext.size()) +
                        " bytes) is not a whole number of cipher blocks: the file is truncated or damaged");
    return cipher == Cipher::twofish_cbc ? twofish_decrypt(key, iv, ciphertext)
                                         : openssl_decrypt(cipher, key, iv, ciphertext);
}

// PKCS#7 is checked here rather than by OpenSSL so that AES and Twofish are judged alike.
bool strip_padding(Cipher cipher, crypto::SecureBytes& plain) {
    if (cipher == Cipher::chacha20) return true;
    if (plain.empty()) return false;
    const std::uint8_t pad = plain.back();
    if (pad == 0 || pad > block_size || pad > plain.size()) return false;
    std::uint8_t diff = 0;
    for (std::size_t i = plain.size() - pad; i < plain.size(); ++i) diff |= static_cast<std::uint8_t>(plain[i] ^ pad);
    if (diff != 0) return false;
    plain.resize(plain.size() - pad);
    return true;
}

Bytes encrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView plaintext) {
    if (cipher == Cipher::twofish_cbc) throw Error(Errc::usage, {}, "Twofish is supported for reading only");
    const Bytes full_iv = cipher == Cipher::chacha20 ? chacha20_iv(iv) : Bytes(iv.begin(), iv.end());
    const crypto::SecureBytes out = *crypto::run_cipher(evp_cipher(cipher), true, key, full_iv, plaintext, true);
    return Bytes(out.begin(), out.end());
}

}  // namespace cxf::kdbx::detail
