// SPDX-License-Identifier: MIT
// OpenSSL for AES-256-CBC and ChaCha20, nettle for Twofish (OpenSSL has none).
#include "cxf/kdbx/cipher.h"

#include <algorithm>

#include <nettle/cbc.h>
#include <nettle/twofish.h>

#include "cxf/crypto/openssl_ptr.h"
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

}  // namespace

struct PayloadDecryptor::State {
    Cipher cipher;
    crypto::CipherCtxPtr openssl;
    twofish_ctx twofish{};
    std::uint8_t chain[block_size] = {};
    Bytes partial;  // ciphertext, not secret
    ~State() {
        crypto::wipe(&twofish, sizeof twofish);
        crypto::wipe(chain, sizeof chain);
    }
};

PayloadDecryptor::PayloadDecryptor(Cipher cipher, ByteView key, ByteView iv) : state_(std::make_unique<State>()) {
    state_->cipher = cipher;
    if (cipher == Cipher::twofish_cbc) {
        twofish_set_key(&state_->twofish, key.size(), key.data());
        std::copy_n(iv.begin(), std::min(iv.size(), block_size), state_->chain);
        return;
    }
    const Bytes full_iv = cipher == Cipher::chacha20 ? chacha20_iv(iv) : Bytes(iv.begin(), iv.end());
    state_->openssl.reset(EVP_CIPHER_CTX_new());
    if (!state_->openssl ||
        EVP_DecryptInit_ex(state_->openssl.get(), evp_cipher(cipher), nullptr, key.data(), full_iv.data()) != 1 ||
        EVP_CIPHER_CTX_set_padding(state_->openssl.get(), 0) != 1)  // padding is checked by strip_padding
        throw Error(Errc::io, {}, "OpenSSL failed: payload cipher init");
}

PayloadDecryptor::~PayloadDecryptor() = default;

void PayloadDecryptor::update(ByteView ciphertext, crypto::SecureBytes& out) {
    State& s = *state_;
    if (s.cipher == Cipher::chacha20) return openssl_update(ciphertext, out);
    // CBC takes whole blocks: a piece that ends inside one keeps its start for the next.
    s.partial.insert(s.partial.end(), ciphertext.begin(), ciphertext.end());
    const std::size_t whole = s.partial.size() - s.partial.size() % block_size;
    const ByteView blocks = ByteView(s.partial).first(whole);
    if (s.cipher == Cipher::aes256_cbc) {
        openssl_update(blocks, out);
    } else {
        nettle_cipher_func* const decrypt_block = [](const void* c, std::size_t n, std::uint8_t* dst,
                                                     const std::uint8_t* src) {
            twofish_decrypt(static_cast<const twofish_ctx*>(c), n, dst, src);
        };
        const std::size_t before = out.size();
        out.resize(before + whole);
        cbc_decrypt(&s.twofish, decrypt_block, block_size, s.chain, whole, out.data() + before, blocks.data());
    }
    s.partial.erase(s.partial.begin(), s.partial.begin() + static_cast<std::ptrdiff_t>(whole));
}

void PayloadDecryptor::openssl_update(ByteView ciphertext, crypto::SecureBytes& out) {
    std::size_t at = 0;
    while (at < ciphertext.size()) {
        const int n = static_cast<int>(std::min<std::size_t>(ciphertext.size() - at, std::size_t{1} << 30));
        const std::size_t before = out.size();
        out.resize(before + static_cast<std::size_t>(n));
        int length = 0;
        if (EVP_DecryptUpdate(state_->openssl.get(), out.data() + before, &length, ciphertext.data() + at, n) != 1)
            throw Error(Errc::io, {}, "OpenSSL failed: payload decryption");
        out.resize(before + static_cast<std::size_t>(length));
        at += static_cast<std::size_t>(n);
    }
}

bool PayloadDecryptor::whole_blocks() const noexcept { return state_->partial.empty(); }

void check_whole_blocks(Cipher cipher, std::size_t ciphertext_size, const std::string& file, const std::string& place) {
    if (cipher != Cipher::chacha20 && ciphertext_size % block_size != 0)
        throw Error(Errc::malformed, {file, place},
                    "the encrypted payload (" + std::to_string(ciphertext_size) +
                        " bytes) is not a whole number of cipher blocks: the file is truncated or damaged");
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

PayloadEncryptor::PayloadEncryptor(Cipher cipher, ByteView key, ByteView iv, io::Output& out) : out_(out) {
    if (cipher == Cipher::twofish_cbc) throw Error(Errc::usage, {}, "Twofish is supported for reading only");
    const Bytes full_iv = cipher == Cipher::chacha20 ? chacha20_iv(iv) : Bytes(iv.begin(), iv.end());
    ctx_.reset(EVP_CIPHER_CTX_new());
    if (!ctx_ || EVP_EncryptInit_ex(ctx_.get(), evp_cipher(cipher), nullptr, key.data(), full_iv.data()) != 1)
        throw Error(Errc::io, {}, "OpenSSL failed: payload cipher init");
}

PayloadEncryptor::~PayloadEncryptor() = default;

void PayloadEncryptor::write(ByteView plaintext) {
    constexpr std::size_t piece = std::size_t{1} << 20;
    for (std::size_t at = 0; at < plaintext.size(); at += piece) {
        const std::size_t n = std::min(piece, plaintext.size() - at);
        ciphertext_.resize(n + block_size);
        int length = 0;
        if (EVP_EncryptUpdate(ctx_.get(), ciphertext_.data(), &length, plaintext.data() + at, static_cast<int>(n)) != 1)
            throw Error(Errc::io, {}, "OpenSSL failed: payload encryption");
        if (length > 0) out_.write(ByteView(ciphertext_.data(), static_cast<std::size_t>(length)));
    }
}

void PayloadEncryptor::finish() {
    ciphertext_.resize(block_size);
    int length = 0;
    if (EVP_EncryptFinal_ex(ctx_.get(), ciphertext_.data(), &length) != 1)
        throw Error(Errc::io, {}, "OpenSSL failed: payload encryption");
    if (length > 0) out_.write(ByteView(ciphertext_.data(), static_cast<std::size_t>(length)));
}

Bytes encrypt_payload(Cipher cipher, ByteView key, ByteView iv, ByteView plaintext) {
    io::MemoryOutput out;
    PayloadEncryptor encryptor(cipher, key, iv, out);
    encryptor.write(plaintext);
    encryptor.finish();
    return Bytes(out.bytes().begin(), out.bytes().end());
}

}  // namespace cxf::kdbx::detail
