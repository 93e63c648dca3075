// SPDX-License-Identifier: MIT
#include "cxf/crypto/keys.h"

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include "cxf/crypto/pkcs8_shape.h"
#include "cxf/encoding/base64.h"

namespace cxf::crypto {

namespace {

using DecoderCtxPtr = std::unique_ptr<OSSL_DECODER_CTX, OpenSslDeleter<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free>>;

// OpenSSL 3's decoders are slow to set up (about 0.4 ms per key through EVP_PKCS82PKEY, most of it
// lock traffic); one context per thread, reused, decodes a key in about 50 µs.
struct Pkcs8Decoder {
    EVP_PKEY* slot = nullptr;
    DecoderCtxPtr ctx{OSSL_DECODER_CTX_new_for_pkey(&slot, "DER", "PrivateKeyInfo", nullptr, EVP_PKEY_KEYPAIR, nullptr, nullptr)};
};

}  // namespace

PkeyPtr load_pkcs8(ByteView der) {
    thread_local Pkcs8Decoder decoder;
    if (!decoder.ctx || der.empty()) return nullptr;
    const unsigned char* p = der.data();
    std::size_t left = der.size();
    const bool decoded = OSSL_DECODER_from_data(decoder.ctx.get(), &p, &left) == 1;
    PkeyPtr key(decoder.slot);
    decoder.slot = nullptr;
    ERR_clear_error();
    if (!decoded || left != 0) return nullptr;  // trailing bytes: not exactly one key
    return key;
}

std::optional<KeyInfo> inspect_pkcs8(ByteView der) {
    if (auto info = detail::inspect_common_pkcs8(der)) return info;
    return detail::inspect_pkcs8_with_openssl(der);
}

std::optional<KeyInfo> detail::inspect_pkcs8_with_openssl(ByteView der) {
    const PkeyPtr key = load_pkcs8(der);
    if (!key) return std::nullopt;
    KeyInfo info;
    switch (EVP_PKEY_get_base_id(key.get())) {
        case EVP_PKEY_EC: {
            char group[64] = {};
            std::size_t length = 0;
            EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length);
            const std::string_view name(group, length);
            if (name == "prime256v1" || name == "P-256") info = {KeyAlgorithm::ec_p256, "EC P-256"};
            else if (name == "secp384r1" || name == "P-384") info = {KeyAlgorithm::ec_p384, "EC P-384"};
            else if (name == "secp521r1" || name == "P-521") info = {KeyAlgorithm::ec_p521, "EC P-521"};
            else info = {KeyAlgorithm::ec_other, "EC " + std::string(name)};
            break;
        }
        case EVP_PKEY_ED25519: info = {KeyAlgorithm::ed25519, "Ed25519"}; break;
        case EVP_PKEY_ED448: info = {KeyAlgorithm::ed448, "Ed448"}; break;
        case EVP_PKEY_RSA: info = {KeyAlgorithm::rsa, "RSA " + std::to_string(EVP_PKEY_get_bits(key.get()))}; break;
        case EVP_PKEY_DSA: info = {KeyAlgorithm::dsa, "DSA"}; break;
        default: info = {KeyAlgorithm::other, "unknown key type"}; break;
    }
    const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (ctx) info.consistent = EVP_PKEY_private_check(ctx.get()) != 0;  // -2: not applicable
    ERR_clear_error();
    return info;
}

bool usable_for_passkey(KeyAlgorithm algorithm) noexcept {
    switch (algorithm) {
        case KeyAlgorithm::ec_p256:
        case KeyAlgorithm::ec_p384:
        case KeyAlgorithm::ec_p521:
        case KeyAlgorithm::ed25519:
        case KeyAlgorithm::ed448:
        case KeyAlgorithm::rsa: return true;
        default: return false;
    }
}

bool ssh_key_type_matches(std::string_view key_type, KeyAlgorithm algorithm) noexcept {
    switch (algorithm) {
        case KeyAlgorithm::rsa: return key_type == "ssh-rsa" || key_type == "rsa-sha2-256" || key_type == "rsa-sha2-512";
        case KeyAlgorithm::ed25519: return key_type == "ssh-ed25519";
        case KeyAlgorithm::ed448: return key_type == "ssh-ed448";
        case KeyAlgorithm::ec_p256: return key_type == "ecdsa-sha2-nistp256";
        case KeyAlgorithm::ec_p384: return key_type == "ecdsa-sha2-nistp384";
        case KeyAlgorithm::ec_p521: return key_type == "ecdsa-sha2-nistp521";
        case KeyAlgorithm::dsa: return key_type == "ssh-dss";
        default: return false;
    }
}

std::string_view ssh_key_type_for(KeyAlgorithm algorithm) noexcept {
    switch (algorithm) {
        case KeyAlgorithm::rsa: return "ssh-rsa";
        case KeyAlgorithm::ed25519: return "ssh-ed25519";
        case KeyAlgorithm::ed448: return "ssh-ed448";
        case KeyAlgorithm::ec_p256: return "ecdsa-sha2-nistp256";
        case KeyAlgorithm::ec_p384: return "ecdsa-sha2-nistp384";
        case KeyAlgorithm::ec_p521: return "ecdsa-sha2-nistp521";
        case KeyAlgorithm::dsa: return "ssh-dss";
        default: return {};
    }
}

Secret pkcs8_der_to_pem(ByteView der) {
    const Secret body = encoding::base64_encode_secret(der);
    Secret pem("-----BEGIN PRIVATE KEY-----\n");
    for (std::size_t at = 0; at < body.size(); at += 64) {
        pem.append(body.view().substr(at, 64));
        pem.push_back('\n');
    }
    pem.append("-----END PRIVATE KEY-----\n");
    return pem;
}

std::optional<SecureBytes> pkcs8_pem_to_der(std::string_view pem) {
    // A PKCS#8 PEM is taken byte for byte, so the DER is exactly what was stored.
    constexpr std::string_view begin = "-----BEGIN PRIVATE KEY-----", end = "-----END PRIVATE KEY-----";
    const auto first = pem.find(begin);
    const auto last = pem.find(end);
    if (first != std::string_view::npos && last != std::string_view::npos && last > first) {
        Secret body;
        for (const char c : pem.substr(first + begin.size(), last - first - begin.size()))
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') body.push_back(c);
        auto der = encoding::base64_decode_secure(body.view());
        if (der && inspect_pkcs8(*der)) return der;
        return std::nullopt;
    }
    // Traditional forms ("EC PRIVATE KEY", "RSA PRIVATE KEY") are re-encoded as PKCS#8.
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) return std::nullopt;
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    std::optional<SecureBytes> der = key ? to_pkcs8(key.get()) : std::nullopt;
    ERR_clear_error();
    return der;
}

std::optional<SecureBytes> to_pkcs8(const EVP_PKEY* key) {
    const Pkcs8Ptr info(EVP_PKEY2PKCS8(key));
    if (!info) return std::nullopt;
    const int length = i2d_PKCS8_PRIV_KEY_INFO(info.get(), nullptr);
    if (length <= 0) return std::nullopt;
    SecureBytes der(static_cast<std::size_t>(length));
    unsigned char* p = der.data();
    i2d_PKCS8_PRIV_KEY_INFO(info.get(), &p);
    return der;
}

}  // namespace cxf::crypto
