// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/kdf.h"

#include <string>

#include "cxf/bitwarden/primitives.h"
#include "cxf/crypto/argon2.h"
#include "cxf/crypto/hash.h"
#include "cxf/error.h"

namespace cxf::bitwarden {

namespace {

constexpr std::size_t key_size = 32;

// Bitwarden derives Argon2id keys with the SHA-256 of the salt as the salt (libs/key-management
// KeyGenerationService.deriveKeyFromPassword), memory given in MiB, Argon2 version 0x13.
crypto::SecureBytes argon2id(ByteView password, std::string_view salt, const KdfParams& kdf) {
    crypto::Argon2Params params;
    params.iterations = kdf.iterations;
    params.memory_kib = kdf.memory_mib * 1024;
    params.lanes = kdf.parallelism;
    return crypto::argon2(password, crypto::sha256({as_bytes(salt)}), params, key_size);
}

void require(const char* field, const char* what, std::uint32_t value, std::uint32_t low, std::uint32_t high) {
    if (value < low || value > high)
        throw Error(Errc::usage, {"", field},
                    std::string(what) + " " + std::to_string(value) + " is outside what Bitwarden imports (" +
                        std::to_string(low) + " to " + std::to_string(high) + ")");
}

}  // namespace

SymmetricKey derive_export_key(const crypto::Secret& password, std::string_view salt, const KdfParams& kdf) {
    const crypto::SecureBytes master = kdf.type == KdfParams::Type::argon2id
                                           ? argon2id(password.bytes(), salt, kdf)
                                           : pbkdf2_sha256(password.bytes(), as_bytes(salt), kdf.iterations, key_size);
    // Bitwarden's stretchKey: HKDF-Expand only, with the master key as the PRK.
    return {hkdf_sha256_expand(master, "enc", key_size), hkdf_sha256_expand(master, "mac", key_size)};
}

// Bitwarden's import bounds (bitwarden/clients libs/importer/.../password-protected-kdf-config.ts).
void check_importable(const KdfParams& kdf) {
    switch (kdf.type) {
        case KdfParams::Type::pbkdf2_sha256:
            require("kdfIterations", "PBKDF2 iterations", kdf.iterations, 5000, 2000000);
            return;
        case KdfParams::Type::argon2id:
            require("kdfIterations", "Argon2 iterations", kdf.iterations, 2, 10);
            require("kdfMemory", "Argon2 memory (MiB)", kdf.memory_mib, 16, 1024);
            require("kdfParallelism", "Argon2 parallelism", kdf.parallelism, 1, 16);
            return;
    }
    throw Error(Errc::usage, {"", "kdfType"}, "unknown KDF type " + std::to_string(static_cast<int>(kdf.type)));
}

}  // namespace cxf::bitwarden
