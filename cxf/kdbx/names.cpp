// SPDX-License-Identifier: MIT
// Display names and defaults of the KDBX settings.
#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx {

KdfParameters default_kdf() {
    KdfParameters kdf;
    kdf.kdf = Kdf::argon2id;
    kdf.memory_bytes = 64ull << 20;
    kdf.iterations = 2;
    kdf.parallelism = 2;
    return kdf;
}

std::string_view name(Cipher cipher) noexcept {
    switch (cipher) {
        case Cipher::aes256_cbc: return "AES-256-CBC";
        case Cipher::twofish_cbc: return "Twofish-CBC";
        case Cipher::chacha20: return "ChaCha20";
    }
    return "unknown";
}

std::string_view name(Compression compression) noexcept {
    return compression == Compression::gzip ? "gzip" : "none";
}

std::string_view name(Kdf kdf) noexcept {
    switch (kdf) {
        case Kdf::aes_kdf: return "AES-KDF";
        case Kdf::argon2d: return "Argon2d";
        case Kdf::argon2id: return "Argon2id";
    }
    return "unknown";
}

std::string_view name(InnerStream stream) noexcept {
    switch (stream) {
        case InnerStream::none: return "none";
        case InnerStream::salsa20: return "Salsa20";
        case InnerStream::chacha20: return "ChaCha20";
    }
    return "unknown";
}

}  // namespace cxf::kdbx
