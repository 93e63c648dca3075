// SPDX-License-Identifier: MIT
// Cross-checks with the independent Python reference (tests/cxp/reference, on Debian's python3-cryptography):
// it passes the RFC 9180 vectors itself, opens the JWEs cxf writes, and cxf opens the JWEs it writes.
#include <catch2/catch.hpp>

#include "cxf/cxp/jwe.h"
#include "cxf/cxp/jwk.h"
#include "cxf/json/tape.h"
#include "tests/cxp/support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using namespace cxf::cxp;
using test::cxp::run_reference;
using test::cxp::write_file;

namespace {

using hpke::Aead;
using hpke::Kem;

std::string_view aead_label(Aead aead) {
    return aead == Aead::aes128_gcm ? "AES128GCM" : aead == Aead::aes256_gcm ? "AES256GCM" : "ChaCha20Poly1305";
}

// Not text, and not a multiple of the AES block size.
std::string sample_plaintext() {
    std::string out;
    for (int i = 0; i < 1000; ++i) out += static_cast<char>((i * 37 + 11) & 0xFF);
    return out;
}

hpke::PublicKey read_jwk_file(const std::string& path) {
    const std::string text = test::read_text(path);
    json::Tape tape;
    json::parse(text, path, {}, tape);
    const std::string base;
    return read_jwk(json::Cursor(tape, 0, base), path);
}

}  // namespace

TEST_CASE("the Python reference passes the RFC 9180 vectors itself", "[cxp][reference]") {
    const auto result =
        run_reference("hpke_ref.py", {"vectors", test::testdata("hpke/rfc9180-appendix-a-x25519.json"),
                                      test::testdata("hpke/derived-x25519-hkdfsha256-aes256gcm-base.json"),
                                      test::testdata("hpke/rfc9180-appendix-a-p256.json")});
    CHECK(result.status == 0);
    // Base mode with HKDF-SHA256: A.1, A.2, A.7 (export-only), the derived AES-256-GCM vector and A.3.1.
    CHECK(result.output == "checked 5\n");
}

TEST_CASE("the Python reference opens the JWEs cxf writes", "[cxp][reference]") {
    const Kem kem = GENERATE(Kem::x25519_sha256, Kem::p256_sha256);
    const Aead aead = GENERATE(Aead::aes256_gcm, Aead::aes128_gcm, Aead::chacha20_poly1305);
    const hpke::Suite suite{kem, hpke::Kdf::hkdf_sha256, aead};
    CAPTURE(hpke::suite_name(suite));
    const test::TempDir dir;
    const hpke::PrivateKey key = hpke::PrivateKey::generate(kem);
    write_file(dir.path("key.pem"), key.to_pkcs8_pem().view());
    const std::string plaintext = sample_plaintext();
    write_file(dir.path("doc.jwe"), jwe_encrypt(suite, key.public_key(), as_bytes(plaintext)));

    REQUIRE(
        run_reference("jwe_ref.py", {"decrypt", dir.path("key.pem"), dir.path("doc.jwe"), dir.path("out")}).status ==
        0);
    CHECK(test::read_text(dir.path("out")) == plaintext);

    // And it agrees on the key's thumbprint (the kid cxf writes).
    write_file(dir.path("key.jwk"), jwk_json(key.public_key()));
    const auto thumbprint = run_reference("jwe_ref.py", {"thumbprint", dir.path("key.jwk")});
    CHECK(thumbprint.status == 0);
    CHECK(thumbprint.output == jwk_thumbprint(key.public_key()) + "\n");

    // A wrong key makes the reference fail too, so its success above means something.
    const hpke::PrivateKey other = hpke::PrivateKey::generate(kem);
    write_file(dir.path("other.pem"), other.to_pkcs8_pem().view());
    CHECK(
        run_reference("jwe_ref.py", {"decrypt", dir.path("other.pem"), dir.path("doc.jwe"), dir.path("out2")}).status !=
        0);
}

TEST_CASE("cxf opens the JWEs the Python reference writes, with its keys", "[cxp][reference]") {
    const Kem kem = GENERATE(Kem::x25519_sha256, Kem::p256_sha256);
    const Aead aead = GENERATE(Aead::aes256_gcm, Aead::chacha20_poly1305);
    const std::string curve = kem == Kem::x25519_sha256 ? "X25519" : "P-256";
    CAPTURE(curve, aead_label(aead));
    const test::TempDir dir;
    REQUIRE(run_reference("jwe_ref.py", {"keygen", curve, dir.path("key.pem"), dir.path("key.jwk")}).status == 0);
    const hpke::PrivateKey key = hpke::PrivateKey::from_pkcs8_pem(test::read_text(dir.path("key.pem")), "key.pem");
    CHECK(key.public_key() == read_jwk_file(dir.path("key.jwk")));

    const std::string plaintext = sample_plaintext();
    write_file(dir.path("plain"), plaintext);
    REQUIRE(run_reference("jwe_ref.py", {"encrypt", dir.path("key.jwk"), std::string(aead_label(aead)),
                                         dir.path("plain"), dir.path("doc.jwe")})
                .status == 0);
    const std::string jwe = test::read_text(dir.path("doc.jwe"));
    CHECK(as_text(jwe_decrypt(jwe, key, "doc.jwe")) == plaintext);

    // One context for several JWEs, as cxporter writes archives.
    write_file(dir.path("a"), "index");
    write_file(dir.path("b"), "document");
    REQUIRE(run_reference("jwe_ref.py", {"encrypt-shared", dir.path("key.jwk"), std::string(aead_label(aead)),
                                         dir.path("shared-"), dir.path("a"), dir.path("b"), dir.path("plain")})
                .status == 0);
    CHECK(as_text(jwe_decrypt(test::read_text(dir.path("shared-2.jwe")), key, "2")) == plaintext);
    CHECK(as_text(jwe_decrypt(test::read_text(dir.path("shared-1.jwe")), key, "1")) == "document");
    CHECK(as_text(jwe_decrypt(test::read_text(dir.path("shared-0.jwe")), key, "0")) == "index");

    // The reference writes no kid, so another key cannot be named: the generic wrong_password.
    const hpke::PrivateKey other = hpke::PrivateKey::generate(kem);
    const Error e = test::cxp::thrown_by([&] { jwe_decrypt(jwe, other, "doc.jwe"); });
    CHECK(e.code() == Errc::wrong_password);
    CHECK(std::string(e.what()) == "cannot decrypt: wrong private key, or the data is damaged");
}
