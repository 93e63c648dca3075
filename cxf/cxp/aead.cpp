// SPDX-License-Identifier: MIT
#include "cxf/cxp/aead.h"

#include <algorithm>

#include <openssl/err.h>

#include "cxf/crypto/openssl_check.h"
#include "cxf/crypto/openssl_ptr.h"

namespace cxf::cxp::hpke::detail {

namespace {

using crypto::check;
using crypto::openssl_failed;

// EVP counts in int, so long inputs go in pieces.
constexpr std::size_t piece_size = std::size_t{1} << 20;

const EVP_CIPHER* cipher(Aead aead) {
    switch (aead) {
        case Aead::aes128_gcm: return EVP_aes_128_gcm();
        case Aead::aes256_gcm: return EVP_aes_256_gcm();
        case Aead::chacha20_poly1305: return EVP_chacha20_poly1305();
        case Aead::export_only: break;
    }
    openssl_failed("an export-only AEAD");
}

crypto::CipherCtxPtr start(Aead aead, ByteView key, ByteView nonce, ByteView aad, bool encrypt) {
    crypto::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx) openssl_failed("AEAD");
    check(EVP_CipherInit_ex(ctx.get(), cipher(aead), nullptr, nullptr, nullptr, encrypt ? 1 : 0), "AEAD");
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(nonce.size()), nullptr), "AEAD");
    check(EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce.data(), -1), "AEAD");
    for (std::size_t at = 0; at < aad.size(); at += piece_size) {
        int ignored = 0;
        const std::size_t piece = std::min(piece_size, aad.size() - at);
        check(EVP_CipherUpdate(ctx.get(), nullptr, &ignored, aad.data() + at, static_cast<int>(piece)), "AEAD");
    }
    return ctx;
}

template <typename Out>
void update(EVP_CIPHER_CTX* ctx, ByteView input, Out& out) {
    for (std::size_t at = 0; at < input.size(); at += piece_size) {
        const std::size_t piece = std::min(piece_size, input.size() - at);
        int written = 0;
        check(EVP_CipherUpdate(ctx, out.data() + at, &written, input.data() + at, static_cast<int>(piece)), "AEAD");
    }
}

}  // namespace

Bytes aead_seal(Aead aead, ByteView key, ByteView nonce, ByteView aad, ByteView plaintext) {
    const crypto::CipherCtxPtr ctx = start(aead, key, nonce, aad, true);
    const std::size_t nt = tag_size(aead);
    Bytes out(plaintext.size() + nt);
    update(ctx.get(), plaintext, out);
    int written = 0;
    check(EVP_CipherFinal_ex(ctx.get(), out.data() + plaintext.size(), &written), "AEAD");
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(nt), out.data() + plaintext.size()),
          "AEAD");
    return out;
}

std::optional<crypto::SecureBytes> aead_open(Aead aead, ByteView key, ByteView nonce, ByteView aad,
                                             ByteView ciphertext) {
    const std::size_t nt = tag_size(aead);
    if (ciphertext.size() < nt) return std::nullopt;
    crypto::SecureBytes text(ciphertext.begin(), ciphertext.end() - static_cast<std::ptrdiff_t>(nt));
    if (!aead_open_in_place(aead, key, nonce, aad, text, ciphertext.last(nt))) return std::nullopt;
    return text;
}

bool aead_open_in_place(Aead aead, ByteView key, ByteView nonce, ByteView aad, std::span<std::uint8_t> text,
                        ByteView tag) {
    const std::size_t nt = tag_size(aead);
    if (tag.size() != nt) return false;
    Bytes tag_copy(tag.begin(), tag.end());  // EVP takes a mutable pointer
    const crypto::CipherCtxPtr ctx = start(aead, key, nonce, aad, false);
    update(ctx.get(), text, text);
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(nt), tag_copy.data()), "AEAD");
    std::uint8_t none[16];  // stream modes write nothing here
    int written = 0;
    // The tag comparison inside EVP_CipherFinal_ex is constant-time (CRYPTO_memcmp).
    if (EVP_CipherFinal_ex(ctx.get(), none, &written) != 1) {
        ERR_clear_error();
        return false;
    }
    return true;
}

}  // namespace cxf::cxp::hpke::detail
