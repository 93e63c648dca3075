// SPDX-License-Identifier: MIT
// The CXP JWE convention: what cxf writes, reading JWEs that share one HPKE context, and a distinct
// error for every kind of bad input.
#include <catch2/catch.hpp>

#include "cxf/cxp/hpke.h"
#include "cxf/cxp/jwe.h"
#include "cxf/cxp/jwk.h"
#include "cxf/encoding/base64.h"
#include "cxf/json/cursor.h"
#include "tests/cxp/support.h"

using namespace cxf;
using namespace cxf::cxp;
using test::cxp::part;
using test::cxp::thrown_by;
using test::cxp::with_part;

namespace {

using hpke::Aead;
using hpke::Kdf;
using hpke::Kem;

const hpke::Suite x25519_suite{Kem::x25519_sha256, Kdf::hkdf_sha256, Aead::aes256_gcm};
const hpke::Suite p256_suite{Kem::p256_sha256, Kdf::hkdf_sha256, Aead::aes256_gcm};

std::string b64(std::string_view text) { return encoding::base64url_encode(as_bytes(text)); }
std::string header_of(const std::string& jwe) {
    const auto bytes = encoding::base64url_decode(part(jwe, 0));
    REQUIRE(bytes);
    return std::string(as_text(*bytes));
}

std::string decrypt(const std::string& jwe, const hpke::PrivateKey& key) {
    return std::string(as_text(jwe_decrypt(jwe, key, "index.jwe")));
}

Error decrypt_error(const std::string& jwe, const hpke::PrivateKey& key, const Limits& limits = {}) {
    return thrown_by([&] { jwe_decrypt(jwe, key, "index.jwe", limits); });
}

// A JWE as an exporter that shares one HPKE context writes it: no kid, iv = the nonce of each sequence number.
std::vector<std::string> shared_context_jwes(const hpke::Suite& suite, const hpke::PublicKey& recipient,
                                             const std::vector<std::string>& plaintexts) {
    hpke::Sender sender = hpke::setup_sender(suite, recipient, {});
    const std::string epk = jwk_json(hpke::PublicKey::deserialize(suite.kem, sender.enc, "enc"));
    const std::string header = b64(R"({"alg":")" + *jwe_alg(suite) + R"(","enc":"A256GCM","epk":)" + epk + "}");
    std::vector<std::string> out;
    for (const std::string& plaintext : plaintexts) {
        const Bytes iv = sender.context.nonce();
        const Bytes sealed = sender.context.seal(as_bytes(header), as_bytes(plaintext));
        const ByteView view(sealed);
        out.push_back(header + ".." + encoding::base64url_encode(iv) + "." +
                      encoding::base64url_encode(view.first(sealed.size() - 16)) + "." +
                      encoding::base64url_encode(view.last(16)));
    }
    return out;
}

}  // namespace

TEST_CASE("jwe_alg names exactly the suites of the archive convention", "[cxp][jwe]") {
    CHECK(jwe_alg(x25519_suite) == "HPKE-Base-X25519-SHA256-AES256GCM");
    CHECK(jwe_alg(p256_suite) == "HPKE-Base-P256-SHA256-AES256GCM");
    CHECK(jwe_alg({Kem::x25519_sha256, Kdf::hkdf_sha256, Aead::aes128_gcm}) == "HPKE-Base-X25519-SHA256-AES128GCM");
    CHECK(jwe_alg({Kem::p256_sha256, Kdf::hkdf_sha256, Aead::chacha20_poly1305}) ==
          "HPKE-Base-P256-SHA256-ChaCha20Poly1305");
    CHECK_FALSE(jwe_alg({Kem::x25519_sha256, Kdf::hkdf_sha512, Aead::aes256_gcm}));
    CHECK_FALSE(jwe_alg({Kem::x25519_sha256, Kdf::hkdf_sha256, Aead::export_only}));

    const hpke::PrivateKey key = hpke::PrivateKey::generate(Kem::x25519_sha256);
    CHECK(thrown_by([&] {
              jwe_encrypt({Kem::x25519_sha256, Kdf::hkdf_sha384, Aead::aes256_gcm}, key.public_key(), {});
          }).code() == Errc::unsupported);
}

TEST_CASE("cxf writes JWEs as the archive convention says and reads them back", "[cxp][jwe]") {
    const Kem kem = GENERATE(Kem::x25519_sha256, Kem::p256_sha256);
    const Aead aead = GENERATE(Aead::aes128_gcm, Aead::aes256_gcm, Aead::chacha20_poly1305);
    const hpke::Suite suite{kem, Kdf::hkdf_sha256, aead};
    CAPTURE(hpke::suite_name(suite));
    const hpke::PrivateKey key = hpke::PrivateKey::generate(kem);
    const std::string plaintext = R"({"version":{"major":1,"minor":0},"accounts":[]})";

    const std::string jwe = jwe_encrypt(suite, key.public_key(), as_bytes(plaintext));
    CHECK(decrypt(jwe, key) == plaintext);
    CHECK(part(jwe, 1).empty());
    CHECK(encoding::base64url_decode(part(jwe, 2))->size() == 12);
    CHECK(encoding::base64url_decode(part(jwe, 3))->size() == plaintext.size());
    CHECK(encoding::base64url_decode(part(jwe, 4))->size() == 16);

    json::Tape tape;
    json::parse(header_of(jwe), "header", {}, tape);
    const std::string base;
    const json::Cursor header(tape, 0, base);
    CHECK(header.find("alg")->string() == *jwe_alg(suite));
    const std::string_view enc = aead == Aead::aes128_gcm ? "A128GCM" : aead == Aead::aes256_gcm ? "A256GCM" : "C20P";
    CHECK(header.find("enc")->string() == enc);
    CHECK(header.find("kid")->string() == jwk_thumbprint(key.public_key()));
    CHECK(read_jwk(*header.find("epk"), "header").kem() == kem);

    // A fresh context each time: new epk, new iv.
    const std::string again = jwe_encrypt(suite, key.public_key(), as_bytes(plaintext));
    CHECK(part(again, 0) != part(jwe, 0));
    CHECK(part(again, 2) != part(jwe, 2));
    CHECK(decrypt(jwe_encrypt(suite, key.public_key(), {}), key).empty());
}

TEST_CASE("JWEs that share one HPKE context are read with the iv each carries", "[cxp][jwe]") {
    const hpke::PrivateKey key = hpke::PrivateKey::generate(Kem::x25519_sha256);
    const std::vector<std::string> plaintexts{"index", "document one", "document two"};
    const std::vector<std::string> jwes = shared_context_jwes(x25519_suite, key.public_key(), plaintexts);
    CHECK(part(jwes[0], 0) == part(jwes[2], 0));  // one epk for all
    CHECK(part(jwes[0], 2) != part(jwes[1], 2));
    // Any order: each JWE is decrypted on its own.
    CHECK(decrypt(jwes[2], key) == "document two");
    CHECK(decrypt(jwes[0], key) == "index");
    CHECK(decrypt(jwes[1] + "\n", key) == "document one");
}

TEST_CASE("a JWE for another key is told apart from a damaged one", "[cxp][jwe]") {
    const hpke::PrivateKey key = hpke::PrivateKey::generate(Kem::x25519_sha256);
    const hpke::PrivateKey other = hpke::PrivateKey::generate(Kem::x25519_sha256);
    const hpke::PrivateKey p256 = hpke::PrivateKey::generate(Kem::p256_sha256);
    const std::string jwe = jwe_encrypt(x25519_suite, key.public_key(), as_bytes("attachment bytes"));

    SECTION("with a kid, another key is wrong_password before any decryption") {
        const Error e = decrypt_error(jwe, other);
        CHECK(e.code() == Errc::wrong_password);
        CHECK(e.where().file == "index.jwe");
        CHECK(e.where().place == "protected header/kid");
        CHECK_THAT(e.what(), Catch::Contains("encrypted to a different key"));
        CHECK(decrypt_error(jwe, p256).code() == Errc::wrong_password);
    }
    SECTION("with a matching kid, a failed tag is damage (integrity)") {
        std::string ciphertext = part(jwe, 3);
        ciphertext[0] = ciphertext[0] == 'A' ? 'B' : 'A';
        const Error e = decrypt_error(with_part(jwe, 3, ciphertext), key);
        CHECK(e.code() == Errc::integrity);
        CHECK_THAT(e.where().place, Catch::StartsWith("offset ") && Catch::EndsWith("(ciphertext)"));

        std::string tag = part(jwe, 4);
        tag[3] = tag[3] == 'A' ? 'B' : 'A';
        CHECK(decrypt_error(with_part(jwe, 4, tag), key).code() == Errc::integrity);

        // A header edited but still valid changes the AAD.
        std::string header = header_of(jwe);
        header.insert(header.size() - 1, R"(,"cty":"json")");
        CHECK(decrypt_error(with_part(jwe, 0, b64(header)), key).code() == Errc::integrity);

        std::string iv = part(jwe, 2);
        iv[0] = iv[0] == 'A' ? 'B' : 'A';
        CHECK(decrypt_error(with_part(jwe, 2, iv), key).code() == Errc::integrity);
    }
    SECTION("without a kid, a failed tag cannot say which") {
        const std::vector<std::string> jwes = shared_context_jwes(x25519_suite, key.public_key(), {"secret"});
        const Error wrong_key = decrypt_error(jwes[0], other);
        CHECK(wrong_key.code() == Errc::wrong_password);
        CHECK(std::string(wrong_key.what()) == "cannot decrypt: wrong private key, or the data is damaged");
        std::string tag = part(jwes[0], 4);
        tag[0] = tag[0] == 'A' ? 'B' : 'A';
        const Error damaged = decrypt_error(with_part(jwes[0], 4, tag), key);
        CHECK(damaged.code() == Errc::wrong_password);
        CHECK(std::string(damaged.what()) == "cannot decrypt: wrong private key, or the data is damaged");
    }
}

TEST_CASE("malformed JWEs are refused at their place before any key is used", "[cxp][jwe]") {
    const hpke::PrivateKey key = hpke::PrivateKey::generate(Kem::x25519_sha256);
    const std::string jwe = jwe_encrypt(x25519_suite, key.public_key(), as_bytes("attachment bytes"));
    const std::string header = header_of(jwe);
    const auto with_header = [&](const std::string& json) { return with_part(jwe, 0, b64(json)); };
    const auto replace = [&](std::string text, std::string_view from, std::string_view to) {
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };

    SECTION("truncated") {
        const Error cut = decrypt_error(jwe.substr(0, jwe.size() / 2), key);
        CHECK(cut.code() == Errc::malformed);
        CHECK_THAT(cut.what(), Catch::Contains("5 parts"));
        const Error short_tag = decrypt_error(jwe.substr(0, jwe.size() - 4), key);
        CHECK(short_tag.code() == Errc::malformed);
        CHECK_THAT(short_tag.where().place, Catch::EndsWith("(tag)"));
        CHECK(decrypt_error("", key).code() == Errc::malformed);
        CHECK(decrypt_error(jwe + ".", key).code() == Errc::malformed);
    }
    SECTION("bad base64url") {
        const Error iv = decrypt_error(with_part(jwe, 2, "!!!!"), key);
        CHECK(iv.code() == Errc::malformed);
        CHECK_THAT(iv.where().place, Catch::EndsWith("(iv)"));
        CHECK_THAT(iv.what(), Catch::Contains("not base64url"));
        CHECK_THAT(decrypt_error(with_part(jwe, 0, "e30*"), key).where().place, Catch::EndsWith("(protected header)"));
        CHECK_THAT(decrypt_error(with_part(jwe, 3, "a b"), key).where().place, Catch::EndsWith("(ciphertext)"));
        CHECK_THAT(decrypt_error(with_part(jwe, 2, b64("short")), key).what(), Catch::Contains("5 bytes; expected 12"));
    }
    SECTION("header") {
        const Error not_json = decrypt_error(with_header("{\"alg\":"), key);
        CHECK(not_json.code() == Errc::malformed);
        CHECK_THAT(not_json.where().place, Catch::StartsWith("protected header"));
        CHECK(decrypt_error(with_header("[]"), key).code() == Errc::malformed);
        const Error no_alg = decrypt_error(with_header(R"({"enc":"A256GCM"})"), key);
        CHECK(no_alg.code() == Errc::malformed);
        CHECK_THAT(no_alg.what(), Catch::Contains("missing member 'alg'"));

        const Error alg = decrypt_error(
            with_header(replace(header, "HPKE-Base-X25519-SHA256-AES256GCM", "HPKE-Base-X448-SHA512-AES256GCM")), key);
        CHECK(alg.code() == Errc::unsupported);
        CHECK(alg.where().place == "protected header/alg");
        CHECK_THAT(alg.what(), Catch::Contains("'HPKE-Base-X448-SHA512-AES256GCM'"));
        CHECK(decrypt_error(with_header(replace(header, "HPKE-Base-X25519-SHA256-AES256GCM", "ECDH-ES")), key).code() ==
              Errc::unsupported);

        const Error enc = decrypt_error(with_header(replace(header, "A256GCM", "A128GCM")), key);
        CHECK(enc.code() == Errc::malformed);
        CHECK(enc.where().place == "protected header/enc");
        CHECK(decrypt_error(with_header(replace(header, R"("kid")", R"("zip":"DEF","kid")")), key).code() ==
              Errc::unsupported);
        CHECK(decrypt_error(with_header(replace(header, R"("kid")", R"("crit":["x"],"kid")")), key).code() ==
              Errc::unsupported);
        const Error encrypted_key = decrypt_error(with_part(jwe, 1, "AAAA"), key);
        CHECK(encrypted_key.code() == Errc::unsupported);
        CHECK_THAT(encrypted_key.where().place, Catch::EndsWith("(encrypted key)"));
    }
    SECTION("epk") {
        const Error missing =
            decrypt_error(with_header(R"({"alg":"HPKE-Base-X25519-SHA256-AES256GCM","enc":"A256GCM"})"), key);
        CHECK_THAT(missing.what(), Catch::Contains("missing member 'epk'"));

        const Error zero = decrypt_error(
            with_header(
                R"({"alg":"HPKE-Base-X25519-SHA256-AES256GCM","enc":"A256GCM","epk":{"kty":"OKP","crv":"X25519",)"
                R"("x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}})"),
            key);
        CHECK(zero.code() == Errc::malformed);
        CHECK(zero.where().place == "protected header/epk");
        CHECK_THAT(zero.what(), Catch::Contains("all-zero"));

        const hpke::PrivateKey p256 = hpke::PrivateKey::generate(Kem::p256_sha256);
        const std::string p256_jwe = jwe_encrypt(p256_suite, p256.public_key(), as_bytes("x"));
        std::string p256_header = header_of(p256_jwe);
        const auto y = p256_header.find(R"("y":")") + 5;
        p256_header[y] = p256_header[y] == 'A' ? 'Q' : 'A';  // another y: off the curve
        const Error off_curve = decrypt_error(with_part(p256_jwe, 0, b64(p256_header)), p256);
        CHECK(off_curve.code() == Errc::malformed);
        CHECK(off_curve.where().place == "protected header/epk");
        CHECK_THAT(off_curve.what(), Catch::Contains("not a point on the curve"));

        const Error other_kem = decrypt_error(
            with_header(replace(header, "HPKE-Base-X25519-SHA256-AES256GCM", "HPKE-Base-P256-SHA256-AES256GCM")), key);
        CHECK(other_kem.code() == Errc::malformed);
        CHECK_THAT(other_kem.what(), Catch::Contains("'epk' is not a key for alg"));
    }
    SECTION("limits") {
        Limits small;
        small.max_input_bytes = 64;
        CHECK(decrypt_error(jwe, key, small).code() == Errc::limit_exceeded);
        const std::string huge_header = b64(R"({"pad":")" + std::string(20000, 'x') + "\"}");
        CHECK(decrypt_error(with_part(jwe, 0, huge_header), key).code() == Errc::limit_exceeded);
    }
}
