// SPDX-License-Identifier: MIT
// KeePass CryptoRandomStream: Salsa20 with key SHA-256(k) and a fixed nonce; ChaCha20 with key and
// nonce from SHA-512(k).
#include "cxf/kdbx/inner_stream.h"

#include <algorithm>

#include <nettle/salsa20.h>

#include "cxf/crypto/hash.h"
#include "cxf/error.h"

namespace cxf::kdbx::detail {

namespace {

constexpr std::uint8_t salsa20_nonce[SALSA20_NONCE_SIZE] = {0xE8, 0x30, 0x09, 0x4B, 0x97, 0x20, 0x5D, 0x2A};

}  // namespace

struct InnerStreamCipher::SalsaState {
    salsa20_ctx ctx;
    ~SalsaState() { crypto::wipe(&ctx, sizeof ctx); }
};

InnerStreamCipher::InnerStreamCipher(InnerStream algorithm, ByteView key) : algorithm_(algorithm) {
    if (algorithm == InnerStream::salsa20) {
        const crypto::SecureBytes k = crypto::sha256({key});
        salsa_ = std::make_unique<SalsaState>();
        salsa20_256_set_key(&salsa_->ctx, k.data());
        salsa20_set_nonce(&salsa_->ctx, salsa20_nonce);
    } else if (algorithm == InnerStream::chacha20) {
        const crypto::SecureBytes h = crypto::sha512({key});
        std::uint8_t iv[16] = {};  // OpenSSL: LE32 counter 0, then the 96-bit nonce h[32..44)
        std::copy(h.begin() + 32, h.begin() + 44, iv + 4);
        chacha_.reset(EVP_CIPHER_CTX_new());
        if (!chacha_ || EVP_EncryptInit_ex(chacha_.get(), EVP_chacha20(), nullptr, h.data(), iv) != 1)
            throw Error(Errc::io, {}, "OpenSSL failed: ChaCha20 init");
        crypto::wipe(iv, sizeof iv);
    }
}

InnerStreamCipher::~InnerStreamCipher() { crypto::wipe(block_.data(), block_.size()); }

void InnerStreamCipher::refill() {
    block_.fill(0);
    salsa20_crypt(&salsa_->ctx, block_.size(), block_.data(), block_.data());
    used_ = 0;
}

void InnerStreamCipher::apply(std::span<std::uint8_t> data) {
    if (data.empty()) return;
    switch (algorithm_) {
        case InnerStream::none: return;
        case InnerStream::chacha20: {
            std::size_t at = 0;
            while (at < data.size()) {
                const int n = static_cast<int>(std::min<std::size_t>(data.size() - at, std::size_t{1} << 30));
                int length = 0;
                if (EVP_EncryptUpdate(chacha_.get(), data.data() + at, &length, data.data() + at, n) != 1)
                    throw Error(Errc::io, {}, "OpenSSL failed: ChaCha20");
                at += static_cast<std::size_t>(n);
            }
            return;
        }
        case InnerStream::salsa20:
            for (std::uint8_t& byte : data) {
                if (used_ == block_.size()) refill();
                byte ^= block_[used_++];
            }
            return;
    }
}

}  // namespace cxf::kdbx::detail
