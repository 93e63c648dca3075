// SPDX-License-Identifier: MIT
#include "cxf/cxp/keys.h"

#include <algorithm>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <openssl/rand.h>

#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssl_check.h"
#include "cxf/crypto/openssl_ptr.h"
#include "cxf/cxp/labeled_kdf.h"
#include "cxf/error.h"

namespace cxf::cxp::hpke {

namespace {

using crypto::check;
using crypto::openssl_failed;

constexpr std::size_t scalar_size = 32;

crypto::EcGroupPtr p256_group() {
    crypto::EcGroupPtr group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    if (!group) openssl_failed("P-256");
    return group;
}

crypto::BignumPtr secret_bignum(ByteView bytes) {
    crypto::BignumPtr n(BN_secure_new());
    if (!n || !BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), n.get())) openssl_failed("BN_bin2bn");
    BN_set_flags(n.get(), BN_FLG_CONSTTIME);
    return n;
}

// 0 < scalar < n, the order of P-256 (RFC 9180 §7.1.3 rejects the others).
bool valid_p256_scalar(ByteView scalar) {
    const crypto::EcGroupPtr group = p256_group();
    const crypto::BignumPtr k = secret_bignum(scalar);
    return !BN_is_zero(k.get()) && BN_cmp(k.get(), EC_GROUP_get0_order(group.get())) < 0;
}

Bytes p256_public_from_scalar(ByteView scalar) {
    const crypto::EcGroupPtr group = p256_group();
    const crypto::BignumPtr k = secret_bignum(scalar);
    const crypto::BnCtxPtr bn_ctx(BN_CTX_secure_new());
    const crypto::EcPointPtr point(EC_POINT_new(group.get()));
    if (!bn_ctx || !point) openssl_failed("P-256");
    check(EC_POINT_mul(group.get(), point.get(), k.get(), nullptr, nullptr, bn_ctx.get()),
          "P-256 scalar multiplication");
    Bytes out(65);
    if (EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, out.data(), out.size(),
                           bn_ctx.get()) != out.size())
        openssl_failed("P-256 point encoding");
    return out;
}

crypto::PkeyPtr pkey_from_params(const char* type, OSSL_PARAM_BLD* builder, int selection) {
    const crypto::ParamsPtr params(OSSL_PARAM_BLD_to_param(builder));
    const crypto::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!params || !ctx) openssl_failed(type);
    check(EVP_PKEY_fromdata_init(ctx.get()), type);
    EVP_PKEY* key = nullptr;
    check(EVP_PKEY_fromdata(ctx.get(), &key, selection, params.get()), type);
    return crypto::PkeyPtr(key);
}

crypto::PkeyPtr public_pkey(const PublicKey& key) {
    if (key.kem() == Kem::x25519_sha256) {
        crypto::PkeyPtr pkey(
            EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, key.bytes().data(), key.bytes().size()));
        if (!pkey) openssl_failed("X25519 public key");
        return pkey;
    }
    const crypto::ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!builder) openssl_failed("EC key");
    check(OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, SN_X9_62_prime256v1, 0), "EC key");
    check(OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, key.bytes().data(),
                                           key.bytes().size()),
          "EC key");
    return pkey_from_params("EC", builder.get(), EVP_PKEY_PUBLIC_KEY);
}

crypto::PkeyPtr private_pkey(Kem kem, ByteView scalar, const PublicKey& public_key) {
    if (kem == Kem::x25519_sha256) {
        crypto::PkeyPtr pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, scalar.data(), scalar.size()));
        if (!pkey) openssl_failed("X25519 private key");
        return pkey;
    }
    // A secure BIGNUM goes into the parameter block's wiped part (OSSL_PARAM_free clears it).
    const crypto::BignumPtr k = secret_bignum(scalar);
    const crypto::ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!builder) openssl_failed("EC key");
    check(OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, SN_X9_62_prime256v1, 0), "EC key");
    check(OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, k.get()), "EC key");
    check(OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, public_key.bytes().data(),
                                           public_key.bytes().size()),
          "EC key");
    return pkey_from_params("EC", builder.get(), EVP_PKEY_KEYPAIR);
}

std::string_view short_name(Kem kem) { return kem == Kem::p256_sha256 ? "P-256" : "X25519"; }

}  // namespace

PublicKey PublicKey::deserialize(Kem kem, ByteView bytes, const std::string& place) {
    const std::size_t expected = public_key_size(kem);
    if (bytes.size() != expected)
        throw Error(Errc::malformed, {"", place},
                    std::string(short_name(kem)) + " public key is " + std::to_string(bytes.size()) +
                        " bytes; expected " + std::to_string(expected));
    if (kem == Kem::p256_sha256) {
        if (bytes[0] != 0x04)
            throw Error(Errc::malformed, {"", place},
                        "P-256 public key is not an uncompressed point (first byte is not 0x04)");
        const crypto::EcGroupPtr group = p256_group();
        const crypto::EcPointPtr point(EC_POINT_new(group.get()));
        if (!point) openssl_failed("P-256");
        const bool on_curve = EC_POINT_oct2point(group.get(), point.get(), bytes.data(), bytes.size(), nullptr) == 1 &&
                              EC_POINT_is_on_curve(group.get(), point.get(), nullptr) == 1;
        ERR_clear_error();
        if (!on_curve) throw Error(Errc::malformed, {"", place}, "P-256 public key is not a point on the curve");
    }
    return PublicKey(kem, Bytes(bytes.begin(), bytes.end()));
}

PrivateKey::PrivateKey(Kem kem, crypto::SecureBytes scalar) : scalar_(std::move(scalar)), public_(kem, {}) {
    if (kem == Kem::p256_sha256) {
        public_.bytes_ = p256_public_from_scalar(scalar_);
        return;
    }
    const crypto::PkeyPtr pkey(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, scalar_.data(), scalar_.size()));
    if (!pkey) openssl_failed("X25519 private key");
    public_.bytes_.resize(32);
    std::size_t length = public_.bytes_.size();
    check(EVP_PKEY_get_raw_public_key(pkey.get(), public_.bytes_.data(), &length), "X25519 public key");
}

PrivateKey PrivateKey::generate(Kem kem) {
    crypto::SecureBytes ikm(private_key_size(kem));
    check(RAND_priv_bytes(ikm.data(), static_cast<int>(ikm.size())), "RAND_priv_bytes");
    return derive(kem, ikm);
}

PrivateKey PrivateKey::derive(Kem kem, ByteView ikm) {
    const Bytes suite_id = detail::kem_suite_id(kem);
    const crypto::SecureBytes prk = detail::labeled_extract(Kdf::hkdf_sha256, suite_id, {}, "dkp_prk", ikm);
    if (kem == Kem::x25519_sha256)
        return PrivateKey(kem, detail::labeled_expand(Kdf::hkdf_sha256, suite_id, prk, "sk", {}, scalar_size));
    // RFC 9180 §7.1.3: rejection sampling over candidates; the P-256 bitmask is 0xff (nothing to clear).
    for (unsigned counter = 0; counter < 256; ++counter) {
        const std::uint8_t counter_byte = static_cast<std::uint8_t>(counter);
        crypto::SecureBytes candidate = detail::labeled_expand(Kdf::hkdf_sha256, suite_id, prk, "candidate",
                                                               ByteView(&counter_byte, 1), scalar_size);
        if (valid_p256_scalar(candidate)) return PrivateKey(kem, std::move(candidate));
    }
    // Probability about 2^-8192: RFC 9180 calls this DeriveKeyPairError.
    throw Error(Errc::invalid, {"", "ikm"}, "DeriveKeyPair found no valid P-256 scalar");
}

PrivateKey PrivateKey::from_pkcs8_pem(std::string_view pem, const std::string& file) {
    const auto der = crypto::pkcs8_pem_to_der(pem);
    if (!der) throw Error(Errc::malformed, {file, ""}, "not a PEM private key (PKCS#8 \"PRIVATE KEY\" expected)");
    const crypto::PkeyPtr key = crypto::load_pkcs8(*der);
    if (!key) throw Error(Errc::malformed, {file, ""}, "the PKCS#8 private key cannot be read");
    crypto::SecureBytes scalar(scalar_size);
    if (EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_X25519) {
        std::size_t length = scalar.size();
        check(EVP_PKEY_get_raw_private_key(key.get(), scalar.data(), &length), "X25519 private key");
        return PrivateKey(Kem::x25519_sha256, std::move(scalar));
    }
    const auto info = crypto::inspect_pkcs8(*der);
    if (!info || info->algorithm != crypto::KeyAlgorithm::ec_p256)
        throw Error(Errc::unsupported, {file, ""},
                    "the private key is " + (info ? info->description : std::string("of an unknown type")) +
                        "; CXP keys are X25519 or P-256");
    BIGNUM* raw = nullptr;
    check(EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &raw), "EC private key");
    const crypto::BignumPtr k(raw);
    check(BN_bn2binpad(k.get(), scalar.data(), static_cast<int>(scalar.size())) == static_cast<int>(scalar.size()),
          "EC private key");
    if (!valid_p256_scalar(scalar))
        throw Error(Errc::malformed, {file, ""}, "the P-256 private scalar is out of range");
    return PrivateKey(Kem::p256_sha256, std::move(scalar));
}

crypto::Secret PrivateKey::to_pkcs8_pem() const {
    const crypto::PkeyPtr key = private_pkey(kem(), scalar_, public_);
    const std::optional<crypto::SecureBytes> der = crypto::to_pkcs8(key.get());
    if (!der) openssl_failed("PKCS#8 encoding");
    return crypto::pkcs8_der_to_pem(*der);
}

crypto::SecureBytes PrivateKey::dh(const PublicKey& peer) const {
    if (peer.kem() != kem())
        throw Error(Errc::malformed, {"", ""},
                    "a " + std::string(short_name(peer.kem())) + " public key cannot meet a " +
                        std::string(short_name(kem())) + " private key");
    const crypto::PkeyPtr mine = private_pkey(kem(), scalar_, public_);
    const crypto::PkeyPtr theirs = public_pkey(peer);
    const crypto::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, mine.get(), nullptr));
    if (!ctx) openssl_failed("key agreement");
    check(EVP_PKEY_derive_init(ctx.get()), "key agreement");
    check(EVP_PKEY_derive_set_peer(ctx.get(), theirs.get()), "key agreement");
    crypto::SecureBytes shared(32);
    std::size_t length = shared.size();
    const bool derived = EVP_PKEY_derive(ctx.get(), shared.data(), &length) == 1 && length == shared.size();
    if (kem() == Kem::p256_sha256) {
        if (!derived) openssl_failed("ECDH");
        return shared;
    }
    // OpenSSL's X25519 already fails on an all-zero result; the explicit check keeps RFC 9180 §7.1.4 visible.
    ERR_clear_error();
    if (!derived || std::all_of(shared.begin(), shared.end(), [](std::uint8_t b) { return b == 0; }))
        throw Error(Errc::malformed, {"", ""},
                    "the X25519 public key gives an all-zero shared secret (a low-order point; RFC 9180 §7.1.4)");
    return shared;
}

}  // namespace cxf::cxp::hpke
