// SPDX-License-Identifier: MIT
// HPKE and KEM keys on bad input: every refusal is a cxf::Error with its own code, never a crash.
#include <catch2/catch.hpp>

#include <type_traits>

#include <openssl/evp.h>

#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssl_ptr.h"
#include "cxf/cxp/hpke.h"
#include "tests/cxp/support.h"

using namespace cxf;
using namespace cxf::cxp;
using test::cxp::hex;
using test::cxp::thrown_by;
using test::cxp::unhex;

namespace {

const hpke::Suite x25519_suite{hpke::Kem::x25519_sha256, hpke::Kdf::hkdf_sha256, hpke::Aead::aes256_gcm};
const hpke::Suite p256_suite{hpke::Kem::p256_sha256, hpke::Kdf::hkdf_sha256, hpke::Aead::aes256_gcm};

// RFC 9180 A.3.1 pkRm, a valid P-256 point.
Bytes p256_point() {
    return unhex(
        "04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f"
        "1d128aafd68a2ce72ea0");
}

crypto::Secret pem_of_new_key(const char* algorithm, const char* parameter = nullptr) {
    crypto::PkeyPtr key(parameter ? EVP_PKEY_Q_keygen(nullptr, nullptr, algorithm, parameter)
                                  : EVP_PKEY_Q_keygen(nullptr, nullptr, algorithm));
    REQUIRE(key);
    crypto::Pkcs8Ptr info(EVP_PKEY2PKCS8(key.get()));
    REQUIRE(info);
    const int length = i2d_PKCS8_PRIV_KEY_INFO(info.get(), nullptr);
    crypto::SecureBytes der(static_cast<std::size_t>(length));
    unsigned char* out = der.data();
    i2d_PKCS8_PRIV_KEY_INFO(info.get(), &out);
    return crypto::pkcs8_der_to_pem(der);
}

}  // namespace

TEST_CASE("a P-256 public key must be an uncompressed point on the curve", "[cxp][hpke]") {
    const Bytes point = p256_point();
    CHECK(hex(hpke::PublicKey::deserialize(hpke::Kem::p256_sha256, point, "enc").bytes()) == hex(point));

    Bytes off_curve = point;
    off_curve.back() ^= 0x01;
    const Error off = thrown_by([&] { hpke::PublicKey::deserialize(hpke::Kem::p256_sha256, off_curve, "enc"); });
    CHECK(off.code() == Errc::malformed);
    CHECK(off.where().place == "enc");
    CHECK_THAT(off.what(), Catch::Contains("not a point on the curve"));

    Bytes compressed(point.begin(), point.begin() + 33);
    compressed[0] = 0x02;
    CHECK_THAT(thrown_by([&] { hpke::PublicKey::deserialize(hpke::Kem::p256_sha256, compressed, "enc"); }).what(),
               Catch::Contains("33 bytes; expected 65"));
    Bytes hybrid = point;
    hybrid[0] = 0x06;
    CHECK_THAT(thrown_by([&] { hpke::PublicKey::deserialize(hpke::Kem::p256_sha256, hybrid, "enc"); }).what(),
               Catch::Contains("not an uncompressed point"));
    CHECK(thrown_by([&] { hpke::PublicKey::deserialize(hpke::Kem::x25519_sha256, Bytes(31), "enc"); }).code() ==
          Errc::malformed);

    // Decap of such a point is refused before any key is used.
    const hpke::PrivateKey key = hpke::PrivateKey::generate(hpke::Kem::p256_sha256);
    const Error decap = thrown_by([&] { hpke::setup_recipient(p256_suite, key, off_curve, {}); });
    CHECK(decap.code() == Errc::malformed);
    CHECK(decap.where().place == "enc");
}

TEST_CASE("an X25519 low-order point is refused (all-zero shared secret)", "[cxp][hpke]") {
    const hpke::PrivateKey key = hpke::PrivateKey::generate(hpke::Kem::x25519_sha256);
    Bytes one(32);
    one[0] = 1;  // u = 1 has order 1; u = 0 has order 4 (RFC 7748 §6.1 lists both as unsafe)
    for (const Bytes& point : {Bytes(32), one}) {
        const Error e = thrown_by([&] { hpke::setup_recipient(x25519_suite, key, point, {}); });
        CHECK(e.code() == Errc::malformed);
        CHECK_THAT(e.what(), Catch::Contains("all-zero shared secret"));
        const hpke::PublicKey low = hpke::PublicKey::deserialize(hpke::Kem::x25519_sha256, point, "pkR");
        CHECK(thrown_by([&] { hpke::setup_sender(x25519_suite, low, {}); }).code() == Errc::malformed);
    }
}

TEST_CASE("HPKE open refuses a wrong key or altered data and keeps its sequence", "[cxp][hpke]") {
    const hpke::PrivateKey key = hpke::PrivateKey::generate(hpke::Kem::x25519_sha256);
    const hpke::PrivateKey other = hpke::PrivateKey::generate(hpke::Kem::x25519_sha256);
    hpke::Sender sender = hpke::setup_sender(x25519_suite, key.public_key(), as_bytes("info"));
    const Bytes ct = sender.context.seal(as_bytes("aad"), as_bytes("secret"));

    hpke::RecipientContext wrong = hpke::setup_recipient(x25519_suite, other, sender.enc, as_bytes("info"));
    const Error e = thrown_by([&] { wrong.open(as_bytes("aad"), ct); });
    CHECK(e.code() == Errc::wrong_password);
    CHECK(std::string(e.what()) == "cannot decrypt: wrong private key, or the data is damaged");

    hpke::RecipientContext right = hpke::setup_recipient(x25519_suite, key, sender.enc, as_bytes("info"));
    Bytes altered = ct;
    altered[0] ^= 0x80;
    CHECK(thrown_by([&] { right.open(as_bytes("aad"), altered); }).code() == Errc::wrong_password);
    CHECK(thrown_by([&] { right.open(as_bytes("AAD"), ct); }).code() == Errc::wrong_password);
    CHECK(thrown_by([&] { right.open(as_bytes("aad"), ByteView(ct).first(15)); }).code() == Errc::wrong_password);
    CHECK(right.sequence() == 0);
    CHECK(as_text(right.open(as_bytes("aad"), ct)) == "secret");
    CHECK(right.sequence() == 1);

    hpke::RecipientContext other_info = hpke::setup_recipient(x25519_suite, key, sender.enc, as_bytes("other"));
    CHECK(thrown_by([&] { other_info.open(as_bytes("aad"), ct); }).code() == Errc::wrong_password);
    const ByteView body = ByteView(ct).first(ct.size() - 16), tag = ByteView(ct).last(16);
    CHECK(thrown_by([&] { right.open_with_nonce(Bytes(11), {}, cxf::crypto::secure_copy(body), tag); }).code() ==
          Errc::malformed);
    CHECK(thrown_by([&] { right.open_with_nonce(Bytes(12), {}, cxf::crypto::secure_copy(body), tag.first(15)); })
              .code() == Errc::wrong_password);
}

TEST_CASE("HPKE refuses inconsistent calls as usage errors", "[cxp][hpke]") {
    const hpke::PrivateKey x = hpke::PrivateKey::generate(hpke::Kem::x25519_sha256);
    const hpke::PrivateKey p = hpke::PrivateKey::generate(hpke::Kem::p256_sha256);
    CHECK(thrown_by([&] { hpke::setup_sender(x25519_suite, p.public_key(), {}); }).code() == Errc::usage);
    CHECK(thrown_by([&] { hpke::setup_recipient(p256_suite, x, p.public_key().bytes(), {}); }).code() == Errc::usage);

    hpke::SenderOptions no_id;
    const Bytes psk(32, 7);
    no_id.psk = hpke::Psk{psk, {}};
    CHECK(thrown_by([&] { hpke::setup_sender(x25519_suite, x.public_key(), {}, no_id); }).code() == Errc::usage);

    hpke::SenderOptions wrong_sender;
    wrong_sender.sender = &p;
    CHECK(thrown_by([&] { hpke::setup_sender(x25519_suite, x.public_key(), {}, wrong_sender); }).code() == Errc::usage);

    hpke::Sender sender = hpke::setup_sender(x25519_suite, x.public_key(), {});
    CHECK(sender.context.export_secret({}, 255 * 32).size() == 255 * 32);
    CHECK(thrown_by([&] { sender.context.export_secret({}, 255 * 32 + 1); }).code() == Errc::usage);
}

TEST_CASE("KEM private keys survive PKCS#8 PEM and other key types are refused", "[cxp][hpke]") {
    for (const hpke::Kem kem : {hpke::Kem::x25519_sha256, hpke::Kem::p256_sha256}) {
        const hpke::PrivateKey key = hpke::PrivateKey::generate(kem);
        const crypto::Secret pem = key.to_pkcs8_pem();
        CHECK(pem.view().rfind("-----BEGIN PRIVATE KEY-----\n", 0) == 0);
        const hpke::PrivateKey again = hpke::PrivateKey::from_pkcs8_pem(pem.view(), "key.pem");
        CHECK(again.kem() == kem);
        CHECK(again.public_key() == key.public_key());
        CHECK(hex(again.serialize()) == hex(key.serialize()));
    }

    const hpke::PrivateKey from_openssl = hpke::PrivateKey::from_pkcs8_pem(pem_of_new_key("X25519").view(), "k.pem");
    CHECK(from_openssl.kem() == hpke::Kem::x25519_sha256);
    const hpke::PrivateKey ec = hpke::PrivateKey::from_pkcs8_pem(pem_of_new_key("EC", "P-256").view(), "k.pem");
    CHECK(ec.kem() == hpke::Kem::p256_sha256);

    const Error ed = thrown_by([] { hpke::PrivateKey::from_pkcs8_pem(pem_of_new_key("ED25519").view(), "ed.pem"); });
    CHECK(ed.code() == Errc::unsupported);
    CHECK(ed.where().file == "ed.pem");
    CHECK_THAT(ed.what(), Catch::Contains("Ed25519"));
    CHECK(thrown_by([] { hpke::PrivateKey::from_pkcs8_pem(pem_of_new_key("EC", "P-384").view(), "k.pem"); }).code() ==
          Errc::unsupported);
    CHECK(thrown_by([] { hpke::PrivateKey::from_pkcs8_pem("not a key", "k.pem"); }).code() == Errc::malformed);
    CHECK(thrown_by([] {
              hpke::PrivateKey::from_pkcs8_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
                                               "k.pem");
          }).code() == Errc::malformed);
}

TEST_CASE("HPKE contexts move but never copy (a copy would seal twice with one nonce)", "[cxp][hpke]") {
    STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<hpke::SenderContext>);
    STATIC_REQUIRE_FALSE(std::is_copy_assignable_v<hpke::SenderContext>);
    STATIC_REQUIRE_FALSE(std::is_copy_constructible_v<hpke::RecipientContext>);
    STATIC_REQUIRE(std::is_move_constructible_v<hpke::Sender>);
}
