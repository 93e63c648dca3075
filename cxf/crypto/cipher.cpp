// SPDX-License-Identifier: MIT
#include "cxf/crypto/cipher.h"

#include <algorithm>

#include <openssl/err.h>

#include "cxf/crypto/openssl_check.h"
#include "cxf/crypto/openssl_ptr.h"

namespace cxf::crypto {

std::optional<SecureBytes> run_cipher(const EVP_CIPHER* cipher, bool encrypt, ByteView key, ByteView iv, ByteView input,
                                      bool padding) {
    constexpr std::size_t piece_size = std::size_t{1} << 30;
    const CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_CipherInit_ex2(ctx.get(), cipher, key.data(), iv.data(), encrypt ? 1 : 0, nullptr) != 1)
        openssl_failed("the cipher's start");
    EVP_CIPHER_CTX_set_padding(ctx.get(), padding ? 1 : 0);
    SecureBytes out(input.size() + static_cast<std::size_t>(EVP_CIPHER_get_block_size(cipher)));
    std::size_t written = 0;
    for (std::size_t at = 0; at < input.size();) {
        const std::size_t piece = std::min(piece_size, input.size() - at);
        int length = 0;
        check(EVP_CipherUpdate(ctx.get(), out.data() + written, &length, input.data() + at, static_cast<int>(piece)),
              "the cipher");
        written += static_cast<std::size_t>(length);
        at += piece;
    }
    int length = 0;
    if (EVP_CipherFinal_ex(ctx.get(), out.data() + written, &length) != 1) {
        ERR_clear_error();
        return std::nullopt;
    }
    out.resize(written + static_cast<std::size_t>(length));
    return out;
}

}  // namespace cxf::crypto
