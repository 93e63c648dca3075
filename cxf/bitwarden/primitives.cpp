// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/primitives.h"

#include <algorithm>
#include <string>

#include <openssl/core_names.h>

#include "cxf/crypto/cipher.h"
#include "cxf/crypto/openssl_check.h"
#include "cxf/crypto/openssl_ptr.h"
#include "cxf/error.h"

namespace cxf::bitwarden {

namespace {

using crypto::check;
using crypto::openssl_failed;

// OSSL_PARAM takes non-const pointers even for inputs it only reads.
OSSL_PARAM octets(const char* name, ByteView bytes) {
    return OSSL_PARAM_construct_octet_string(name, const_cast<std::uint8_t*>(bytes.data()), bytes.size());
}
OSSL_PARAM text(const char* name, const char* value) {
    return OSSL_PARAM_construct_utf8_string(name, const_cast<char*>(value), 0);
}

crypto::SecureBytes derive(const char* algorithm, const OSSL_PARAM* params, std::size_t length) {
    const crypto::KdfPtr kdf(EVP_KDF_fetch(nullptr, algorithm, nullptr));
    if (!kdf) openssl_failed(algorithm);
    const crypto::KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx) openssl_failed(algorithm);
    crypto::SecureBytes out(length);
    check(EVP_KDF_derive(ctx.get(), out.data(), out.size(), params), algorithm);
    return out;
}

}  // namespace

crypto::SecureBytes pbkdf2_sha256(ByteView password, ByteView salt, std::uint32_t iterations, std::size_t length) {
    std::uint64_t iter = iterations;
    const OSSL_PARAM params[] = {octets(OSSL_KDF_PARAM_PASSWORD, password), octets(OSSL_KDF_PARAM_SALT, salt),
                                 OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, &iter),
                                 text(OSSL_KDF_PARAM_DIGEST, "SHA256"), OSSL_PARAM_construct_end()};
    return derive("PBKDF2", params, length);
}

crypto::SecureBytes hkdf_sha256_expand(ByteView prk, std::string_view info, std::size_t length) {
    int mode = EVP_KDF_HKDF_MODE_EXPAND_ONLY;
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode), octets(OSSL_KDF_PARAM_KEY, prk),
                                 octets(OSSL_KDF_PARAM_INFO, as_bytes(info)), text(OSSL_KDF_PARAM_DIGEST, "SHA256"),
                                 OSSL_PARAM_construct_end()};
    return derive("HKDF", params, length);
}

Bytes aes256_cbc_encrypt(ByteView key, ByteView iv, ByteView plaintext) {
    const std::optional<crypto::SecureBytes> out = crypto::run_cipher(EVP_aes_256_cbc(), true, key, iv, plaintext, true);
    if (!out) openssl_failed("AES-256-CBC encryption");
    return Bytes(out->begin(), out->end());
}

std::optional<crypto::SecureBytes> aes256_cbc_decrypt(ByteView key, ByteView iv, ByteView ciphertext) {
    return crypto::run_cipher(EVP_aes_256_cbc(), false, key, iv, ciphertext, true);
}

}  // namespace cxf::bitwarden
