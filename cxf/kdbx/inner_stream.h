// SPDX-License-Identifier: MIT
// The inner random stream that hides protected values inside the XML (Salsa20 or ChaCha20).
#pragma once

#include <array>
#include <memory>
#include <span>

#include "cxf/crypto/openssl_ptr.h"
#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

// One keystream for the whole document, consumed in document order by every protected value.
class InnerStreamCipher {
public:
    InnerStreamCipher(InnerStream algorithm, ByteView key);
    ~InnerStreamCipher();
    InnerStreamCipher(const InnerStreamCipher&) = delete;
    InnerStreamCipher& operator=(const InnerStreamCipher&) = delete;

    // XORs the next data.size() keystream bytes into data (encryption and decryption alike).
    void apply(std::span<std::uint8_t> data);

private:
    void refill();

    InnerStream algorithm_;
    crypto::CipherCtxPtr chacha_;  // OpenSSL keeps partial-block state itself
    // nettle's Salsa20 cannot resume mid-block, so its keystream is made 64 bytes at a time.
    std::array<std::uint8_t, 64> block_{};
    std::size_t used_ = 64;
    struct SalsaState;
    std::unique_ptr<SalsaState> salsa_;
};

}  // namespace cxf::kdbx::detail
