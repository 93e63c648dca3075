// SPDX-License-Identifier: MIT
// JWKs for the KEM public keys: the written form, reading back, RFC 7638 thumbprints, and refusals.
#include <catch2/catch.hpp>

#include "cxf/cxp/jwk.h"
#include "cxf/json/tape.h"
#include "tests/cxp/support.h"

using namespace cxf;
using namespace cxf::cxp;
using test::cxp::hex;
using test::cxp::thrown_by;
using test::cxp::unhex;

namespace {

// RFC 9180 A.1 and A.3.1 pkRm.
Bytes x25519_point() { return unhex("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d"); }
Bytes p256_point() {
    return unhex(
        "04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f"
        "1d128aafd68a2ce72ea0");
}

hpke::PublicKey parse_jwk(const std::string& text) {
    json::Tape tape;
    json::parse(text, "jwk.json", {}, tape);
    const std::string base;
    return read_jwk(json::Cursor(tape, 0, base), "jwk.json");
}

Error jwk_error(const std::string& text) {
    return thrown_by([&] { parse_jwk(text); });
}

}  // namespace

TEST_CASE("JWKs are written as RFC 7517 shows them and read back", "[cxp][jwk]") {
    const hpke::PublicKey x = hpke::PublicKey::deserialize(hpke::Kem::x25519_sha256, x25519_point(), "");
    const hpke::PublicKey p = hpke::PublicKey::deserialize(hpke::Kem::p256_sha256, p256_point(), "");
    CHECK(jwk_json(x) == R"({"kty":"OKP","crv":"X25519","x":"OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0"})");
    CHECK(jwk_json(p) == R"({"kty":"EC","crv":"P-256","x":"_owZzgkFGR68KYqSRXklMfJvDOziRgY56Lw5y39waoI",)"
                         R"("y":"anebTPlpuKDlOcf2L7PTCtaqj4DjDx0Siq_WiiznLqA"})");
    CHECK(parse_jwk(jwk_json(x)) == x);
    CHECK(parse_jwk(jwk_json(p)) == p);
    // Members RFC 7517 allows besides the key are ignored.
    CHECK(
        parse_jwk(
            R"({"use":"enc","kid":"k1","x":"OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0","crv":"X25519","kty":"OKP"})") ==
        x);
}

TEST_CASE("JWK thumbprints follow RFC 7638", "[cxp][jwk]") {
    // Expected values from the independent reference (tests/cxp/reference/jwe_ref.py thumbprint), which
    // reproduces the RFC 8037 §A.3 Ed25519 example; reference_test.cpp cross-checks fresh keys too.
    const hpke::PublicKey x = hpke::PublicKey::deserialize(hpke::Kem::x25519_sha256, x25519_point(), "");
    const hpke::PublicKey p = hpke::PublicKey::deserialize(hpke::Kem::p256_sha256, p256_point(), "");
    CHECK(jwk_thumbprint(x) == "11SSte3NhHvq-P2NW_IgQcfR0ItQyShY-yKJQVMVmsI");
    CHECK(jwk_thumbprint(p) == "3B8Nu0n5neDpB7gjxP1Fvpm5vlSVA3dMW8JP5H_eLTE");
}

TEST_CASE("bad JWKs are refused at the member at fault", "[cxp][jwk]") {
    const Error missing = jwk_error(R"({"kty":"OKP","crv":"X25519"})");
    CHECK(missing.code() == Errc::malformed);
    CHECK(missing.where().place.empty());
    CHECK_THAT(missing.what(), Catch::Contains("missing member 'x'"));

    const Error bad_b64 =
        jwk_error(R"({"kty":"OKP","crv":"X25519","x":"OUjP4K0d22ldeA5ZB3GV2mxWUGsC!yl5SrAryoCBXE0"})");
    CHECK(bad_b64.code() == Errc::malformed);
    CHECK(bad_b64.where().place == "/x");
    CHECK_THAT(bad_b64.what(), Catch::Contains("not base64url"));

    const Error short_x = jwk_error(R"({"kty":"OKP","crv":"X25519","x":"OUjP4K0d22ldeA5ZB3GV2mxW"})");
    CHECK(short_x.where().place == "/x");
    CHECK_THAT(short_x.what(), Catch::Contains("18 bytes; expected 32"));

    CHECK(jwk_error(R"({"kty":"OKP","crv":"X25519","x":42})").where().place == "/x");
    CHECK(jwk_error(R"(["OKP"])").code() == Errc::malformed);

    const Error d =
        jwk_error(R"({"kty":"OKP","crv":"X25519","x":"OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0","d":"AA"})");
    CHECK(d.code() == Errc::malformed);
    CHECK(d.where().place == "/d");

    const Error off_curve = jwk_error(R"({"kty":"EC","crv":"P-256","x":"_owZzgkFGR68KYqSRXklMfJvDOziRgY56Lw5y39waoI",)"
                                      R"("y":"anebTPlpuKDlOcf2L7PTCtaqj4DjDx0Siq_WiiznLqE"})");
    CHECK(off_curve.code() == Errc::malformed);
    CHECK(off_curve.where().file == "jwk.json");
    CHECK_THAT(off_curve.what(), Catch::Contains("not a point on the curve"));

    const Error ed = jwk_error(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})");
    CHECK(ed.code() == Errc::unsupported);
    CHECK_THAT(ed.what(), Catch::Contains("Ed25519"));
    CHECK(jwk_error(R"({"kty":"EC","crv":"P-384","x":"AA","y":"AA"})").code() == Errc::unsupported);
    const Error rsa = jwk_error(R"({"kty":"RSA","n":"AA","e":"AQAB"})");
    CHECK(rsa.code() == Errc::unsupported);
    CHECK(rsa.where().place == "/kty");
}
