// SPDX-License-Identifier: MIT
// The quick reading of common passkey keys agrees with OpenSSL's decoders on every key it accepts,
// including every damaged copy of real keys that it still accepts.
#include <catch2/catch.hpp>

#include <openssl/core_names.h>

#include "cxf/crypto/pkcs8_shape.h"

using namespace cxf;
using crypto::detail::inspect_common_pkcs8;
using crypto::detail::inspect_pkcs8_with_openssl;

namespace {

crypto::SecureBytes new_key(const char* type, const char* curve, bool with_public = true, bool compressed = false) {
    const bool rsa = std::string_view(type) == "RSA";
    crypto::PkeyPtr key(curve ? EVP_PKEY_Q_keygen(nullptr, nullptr, type, curve)
                        : rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, type, std::size_t{2048})
                              : EVP_PKEY_Q_keygen(nullptr, nullptr, type));
    REQUIRE(key);
    if (!with_public) REQUIRE(EVP_PKEY_set_int_param(key.get(), OSSL_PKEY_PARAM_EC_INCLUDE_PUBLIC, 0) == 1);
    if (compressed)
        REQUIRE(EVP_PKEY_set_utf8_string_param(key.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, "compressed") == 1);
    auto der = crypto::to_pkcs8(key.get());
    REQUIRE(der);
    return *der;
}

bool same(const std::optional<crypto::KeyInfo>& a, const std::optional<crypto::KeyInfo>& b) {
    if (!a || !b) return a.has_value() == b.has_value();
    return a->algorithm == b->algorithm && a->description == b->description && a->consistent == b->consistent;
}

// Every copy of `der` with one byte changed, cut short or lengthened that the quick reading accepts
// must read the same through OpenSSL. Returns how many it accepted.
std::size_t accepted_damaged_copies(const crypto::SecureBytes& der) {
    std::size_t accepted = 0;
    const auto compare = [&](const crypto::SecureBytes& copy) {
        const auto quick = inspect_common_pkcs8(copy);
        if (!quick) return;
        ++accepted;
        const auto full = inspect_pkcs8_with_openssl(copy);
        INFO("damaged copy of " << copy.size() << " bytes");
        CHECK(same(quick, full));
    };
    for (std::size_t at = 0; at < der.size(); ++at) {
        for (const int change : {0x01, 0x80, 0xFF}) {
            crypto::SecureBytes copy = der;
            copy[at] = static_cast<std::uint8_t>(copy[at] ^ change);
            compare(copy);
        }
        crypto::SecureBytes zeroed = der;
        zeroed[at] = 0;
        compare(zeroed);
        compare(crypto::SecureBytes(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(at)));
    }
    crypto::SecureBytes longer = der;
    longer.push_back(0);
    compare(longer);
    return accepted;
}

}  // namespace

TEST_CASE("the quick PKCS#8 reading agrees with OpenSSL on the keys passkeys use", "[unit][keys]") {
    struct Case {
        const char* name;
        crypto::SecureBytes der;
        crypto::KeyAlgorithm algorithm;
    };
    const Case cases[] = {
        {"P-256", new_key("EC", "P-256"), crypto::KeyAlgorithm::ec_p256},
        {"P-384", new_key("EC", "P-384"), crypto::KeyAlgorithm::ec_p384},
        {"P-521", new_key("EC", "P-521"), crypto::KeyAlgorithm::ec_p521},
        {"P-256 without its public key", new_key("EC", "P-256", false), crypto::KeyAlgorithm::ec_p256},
        {"Ed25519", new_key("ED25519", nullptr), crypto::KeyAlgorithm::ed25519},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const auto quick = inspect_common_pkcs8(c.der);
        REQUIRE(quick);
        CHECK(quick->algorithm == c.algorithm);
        CHECK(same(quick, inspect_pkcs8_with_openssl(c.der)));
        CHECK(same(quick, crypto::inspect_pkcs8(c.der)));
        // Changes inside the scalar mostly leave a valid key, so some damaged copies are accepted.
        CHECK(accepted_damaged_copies(c.der) > 0);
    }
}

TEST_CASE("keys of other shapes are left to OpenSSL", "[unit][keys]") {
    const crypto::SecureBytes compressed = new_key("EC", "P-256", true, true);
    CHECK_FALSE(inspect_common_pkcs8(compressed));
    CHECK(crypto::inspect_pkcs8(compressed)->algorithm == crypto::KeyAlgorithm::ec_p256);

    const crypto::SecureBytes rsa = new_key("RSA", nullptr);
    CHECK_FALSE(inspect_common_pkcs8(rsa));
    CHECK(crypto::inspect_pkcs8(rsa)->description == "RSA 2048");

    const crypto::SecureBytes ed448 = new_key("ED448", nullptr);
    CHECK_FALSE(inspect_common_pkcs8(ed448));
    CHECK(crypto::inspect_pkcs8(ed448)->algorithm == crypto::KeyAlgorithm::ed448);
}

TEST_CASE("an EC scalar out of range is OpenSSL's to judge, and it calls the key inconsistent", "[unit][keys]") {
    crypto::SecureBytes der = new_key("EC", "P-256", false);
    // Without the public key, the scalar's 32 bytes end the encoding.
    const std::size_t scalar = der.size() - 32;
    std::fill(der.begin() + static_cast<std::ptrdiff_t>(scalar), der.end(), std::uint8_t{0});
    CHECK_FALSE(inspect_common_pkcs8(der));
    const auto zero = crypto::inspect_pkcs8(der);
    CHECK((!zero || !zero->consistent));
    std::fill(der.begin() + static_cast<std::ptrdiff_t>(scalar), der.end(), std::uint8_t{0xFF});
    CHECK_FALSE(inspect_common_pkcs8(der));
    const auto too_big = crypto::inspect_pkcs8(der);
    CHECK((!too_big || !too_big->consistent));
}
