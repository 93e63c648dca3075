// SPDX-License-Identifier: MIT
#include "cxf/crypto/hash.h"

#include <openssl/core_names.h>
#include <openssl/rand.h>

#include "cxf/crypto/openssl_check.h"
#include "cxf/crypto/openssl_ptr.h"
#include "cxf/error.h"

namespace cxf::crypto {

namespace {

SecureBytes digest(const EVP_MD* md, std::initializer_list<ByteView> parts) {
    const MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) openssl_failed("digest init");
    for (const ByteView part : parts)
        if (EVP_DigestUpdate(ctx.get(), part.data(), part.size()) != 1) openssl_failed("digest update");
    SecureBytes out(static_cast<std::size_t>(EVP_MD_get_size(md)));
    if (EVP_DigestFinal_ex(ctx.get(), out.data(), nullptr) != 1) openssl_failed("digest final");
    return out;
}

}  // namespace

SecureBytes sha256(std::initializer_list<ByteView> parts) { return digest(EVP_sha256(), parts); }
SecureBytes sha512(std::initializer_list<ByteView> parts) { return digest(EVP_sha512(), parts); }

SecureBytes hmac(const char* digest_name, ByteView key, std::initializer_list<ByteView> parts) {
    const MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac) openssl_failed("HMAC");
    const MacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx) openssl_failed("HMAC");
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest_name), 0),
        OSSL_PARAM_construct_end()};
    check(EVP_MAC_init(ctx.get(), key.data(), key.size(), params), "HMAC");
    for (const ByteView part : parts)
        if (!part.empty()) check(EVP_MAC_update(ctx.get(), part.data(), part.size()), "HMAC");
    SecureBytes out(EVP_MAC_CTX_get_mac_size(ctx.get()));
    std::size_t length = 0;
    check(EVP_MAC_final(ctx.get(), out.data(), &length, out.size()), "HMAC");
    out.resize(length);
    return out;
}

SecureBytes random_bytes(std::size_t count) {
    SecureBytes out(count);
    if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1) openssl_failed("RAND_bytes");
    return out;
}

}  // namespace cxf::crypto
