// SPDX-License-Identifier: MIT
// CXP ExportRequest / ExportResponse / ErrorResponse: reading, writing, choosing an offer, refusals.
#include <catch2/catch.hpp>

#include "cxf/cxp/jwk.h"
#include "cxf/cxp/messages.h"
#include "tests/cxp/support.h"

using namespace cxf;
using namespace cxf::cxp;
using test::cxp::thrown_by;

namespace {

constexpr std::string_view x25519_jwk =
    R"({"kty":"OKP","crv":"X25519","x":"OUjP4K0d22ldeA5ZB3GV2mxWUGsCcyl5SrAryoCBXE0"})";
constexpr std::string_view p256_jwk = R"({"kty":"EC","crv":"P-256","x":"_owZzgkFGR68KYqSRXklMfJvDOziRgY56Lw5y39waoI",)"
                                      R"("y":"anebTPlpuKDlOcf2L7PTCtaqj4DjDx0Siq_WiiznLqA"})";

std::string offer(std::string_view mode, int kem, int kdf, int aead, std::string_view key = {}) {
    std::string out = R"({"mode":")" + std::string(mode) + R"(","kem":)" + std::to_string(kem) + R"(,"kdf":)" +
                      std::to_string(kdf) + R"(,"aead":)" + std::to_string(aead);
    if (!key.empty()) out += R"(,"key":)" + std::string(key);
    return out + "}";
}

std::string request(const std::vector<std::string>& offers, std::string_view version = "0") {
    std::string out = R"({"version":)" + std::string(version) + R"(,"hpke":[)";
    for (std::size_t i = 0; i < offers.size(); ++i) out += (i ? "," : "") + offers[i];
    return out + R"(],"importer":"importer.example"})";
}

std::variant<Choice, ErrorCode> choose(const std::string& json) {
    return choose_offer(read_export_request(json, "request.json"));
}

ErrorCode error_of(const std::variant<Choice, ErrorCode>& choice) {
    REQUIRE(std::holds_alternative<ErrorCode>(choice));
    return std::get<ErrorCode>(choice);
}

Error request_error(const std::string& json) {
    return thrown_by([&] { read_export_request(json, "request.json"); });
}

}  // namespace

TEST_CASE("an ExportRequest as the archive convention writes it is read and answered", "[cxp][messages]") {
    const std::string json = R"({"version":0,"hpke":[{"mode":"base","kem":32,"kdf":1,"aead":2,"key":)" +
                             std::string(x25519_jwk) +
                             R"(}],"importer":"cxf.example","credentialTypes":["basic-auth","passkey"],)"
                             R"("knownExtensions":["shared"],"archive":["deflate"],"mode":"direct"})";
    const ExportRequest r = read_export_request(json, "request.json");
    CHECK(r.version == 0);
    CHECK(r.importer == "cxf.example");
    REQUIRE(r.hpke.size() == 1);
    CHECK(r.hpke[0].mode == hpke::Mode::base);
    CHECK(r.hpke[0].kem == 0x0020);
    CHECK(r.hpke[0].kdf == 0x0001);
    CHECK(r.hpke[0].aead == 0x0002);
    CHECK(r.hpke[0].key == std::string(x25519_jwk));
    CHECK(r.credential_types == std::vector<std::string>{"basic-auth", "passkey"});
    CHECK(r.known_extensions == std::vector<std::string>{"shared"});

    const auto choice = choose_offer(r);
    REQUIRE(std::holds_alternative<Choice>(choice));
    const Choice& c = std::get<Choice>(choice);
    CHECK(c.offer == 0);
    CHECK(c.suite == hpke::Suite{hpke::Kem::x25519_sha256, hpke::Kdf::hkdf_sha256, hpke::Aead::aes256_gcm});
    CHECK(jwk_json(c.key) == x25519_jwk);

    // Written and read again, nothing changes (archive and mode are not written).
    const std::string written = write_export_request(r);
    CHECK(written.find("archive") == std::string::npos);
    const ExportRequest again = read_export_request(written, "again.json");
    CHECK(again.hpke[0].key == r.hpke[0].key);
    CHECK(again.credential_types == r.credential_types);
    CHECK(again.known_extensions == r.known_extensions);
    CHECK(write_export_request(again) == written);
}

TEST_CASE("the first offer cxf supports is chosen, else the fitting error", "[cxp][messages]") {
    const std::string p384 = R"({"kty":"EC","crv":"P-384","x":"AA","y":"AA"})";
    auto choice = choose(request({offer("base", 0x11, 2, 2, p384), offer("psk", 32, 1, 2, x25519_jwk),
                                  offer("base", 32, 1, 0xFFFF, x25519_jwk), offer("base", 32, 3, 1, x25519_jwk),
                                  offer("base", 16, 1, 3, p256_jwk), offer("base", 32, 1, 2, x25519_jwk)}));
    REQUIRE(std::holds_alternative<Choice>(choice));
    CHECK(std::get<Choice>(choice).offer == 4);
    CHECK(std::get<Choice>(choice).suite.aead == hpke::Aead::chacha20_poly1305);
    CHECK(std::get<Choice>(choice).key.kem() == hpke::Kem::p256_sha256);

    CHECK(error_of(choose(request({offer("base", 0x11, 2, 2, p384), offer("auth", 32, 1, 2, x25519_jwk)}))) ==
          ErrorCode::incompatible_hpke_parameters);
    CHECK(error_of(choose(request({offer("base", 32, 1, 2)}))) == ErrorCode::missing_importer_key);
    CHECK(error_of(choose(request({offer("base", 32, 1, 2, p256_jwk)}))) == ErrorCode::incorrect_importer_key_encoding);
    CHECK(error_of(choose(request({offer("base", 32, 1, 2, R"({"kty":"OKP","crv":"X25519","x":"AAAA"})")}))) ==
          ErrorCode::incorrect_importer_key_encoding);
    CHECK(error_of(choose(request({offer("base", 32, 1, 2, x25519_jwk)}, "1"))) == ErrorCode::unsupported_version);
    // A later usable offer wins over an earlier one without a key.
    choice = choose(request({offer("base", 32, 1, 2), offer("base", 32, 1, 1, x25519_jwk)}));
    REQUIRE(std::holds_alternative<Choice>(choice));
    CHECK(std::get<Choice>(choice).offer == 1);
}

TEST_CASE("malformed requests name the JSON pointer at fault", "[cxp][messages]") {
    const auto place_of = [](const std::string& json) {
        const Error e = request_error(json);
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().file == "request.json");
        return e.where().place;
    };
    CHECK(place_of(R"({"version":0,"hpke":[{"mode":"base","kem":"32","kdf":1,"aead":2}],"importer":"i"})") ==
          "/hpke/0/kem");
    CHECK(place_of(R"({"version":0,"hpke":[{"mode":"base","kem":70000,"kdf":1,"aead":2}],"importer":"i"})") ==
          "/hpke/0/kem");
    CHECK(place_of(R"({"version":0,"hpke":[{"mode":"fast","kem":32,"kdf":1,"aead":2}],"importer":"i"})") ==
          "/hpke/0/mode");
    CHECK(place_of(R"({"version":0,"hpke":[{"mode":"base","kem":32,"kdf":1,"aead":2,"key":"x"}],"importer":"i"})") ==
          "/hpke/0/key");
    CHECK(place_of(R"({"version":0,"hpke":[],"importer":"i"})") == "/hpke");
    CHECK(place_of(R"({"version":0,"hpke":[1],"importer":"i"})") == "/hpke/0");
    CHECK(place_of(R"({"version":-1,"hpke":[],"importer":"i"})") == "/version");
    CHECK(place_of(request({offer("base", 32, 1, 2)}).replace(1, 12, "")) == "");  // no version
    CHECK(
        place_of(
            R"({"version":0,"hpke":[{"mode":"base","kem":32,"kdf":1,"aead":2}],"importer":"i","credentialTypes":[1]})") ==
        "/credentialTypes/0");
    CHECK_THAT(
        request_error(R"({"version":0,"hpke":[{"mode":"base","kem":"32","kdf":1,"aead":2}],"importer":"i"})").what(),
        Catch::Contains("'kem' must be an integer, not string"));
    CHECK(request_error("{\"version\":0,").code() == Errc::malformed);
    CHECK(request_error("[]").code() == Errc::malformed);
}

TEST_CASE("ExportResponse and ErrorResponse are written and read back", "[cxp][messages]") {
    ExportResponse response;
    response.hpke = make_offer({hpke::Kem::x25519_sha256, hpke::Kdf::hkdf_sha256, hpke::Aead::aes256_gcm},
                               hpke::PublicKey::deserialize(hpke::Kem::x25519_sha256, Bytes(32, 9), ""));
    response.hpke.key.reset();
    response.exporter = "exporter.example";
    response.payload = Bytes{0x50, 0x4b, 0x03, 0x04, 0xff};
    const std::string json = write_export_response(response);
    CHECK(
        json ==
        R"({"version":0,"hpke":{"mode":"base","kem":32,"kdf":1,"aead":2},"exporter":"exporter.example","payload":"UEsDBP8"})");
    const auto read = read_export_response(json, "response.json");
    REQUIRE(std::holds_alternative<ExportResponse>(read));
    CHECK(std::get<ExportResponse>(read).payload == response.payload);
    CHECK(std::get<ExportResponse>(read).exporter == "exporter.example");
    CHECK(std::get<ExportResponse>(read).hpke.aead == 2);

    for (const ErrorCode code :
         {ErrorCode::user_canceled, ErrorCode::incompatible_hpke_parameters, ErrorCode::missing_importer_key,
          ErrorCode::incorrect_importer_key_encoding, ErrorCode::unsupported_version, ErrorCode::invalid_json,
          ErrorCode::forbidden_action}) {
        const std::string error_json = write_error_response({0, code});
        CAPTURE(error_json);
        const auto back = read_export_response(error_json, "error.json");
        REQUIRE(std::holds_alternative<ErrorResponse>(back));
        CHECK(std::get<ErrorResponse>(back).error == code);
    }
    CHECK(write_error_response({0, ErrorCode::incompatible_hpke_parameters}) ==
          R"({"version":0,"error":"IncompatibleHpkeParameters"})");

    const Error unknown = thrown_by([] { read_export_response(R"({"version":0,"error":"Oops"})", "e.json"); });
    CHECK(unknown.code() == Errc::malformed);
    CHECK(unknown.where().place == "/error");
    const Error payload = thrown_by([] {
        read_export_response(
            R"({"version":0,"hpke":{"mode":"base","kem":32,"kdf":1,"aead":2},"exporter":"e","payload":"%%"})",
            "r.json");
    });
    CHECK(payload.where().place == "/payload");
}

TEST_CASE("writers refuse what would not be valid JSON", "[cxp][messages]") {
    ExportRequest r;
    r.importer = "bad \xff";
    r.hpke.push_back(make_offer({}, hpke::PublicKey::deserialize(hpke::Kem::x25519_sha256, Bytes(32, 1), "")));
    CHECK(thrown_by([&] { write_export_request(r); }).code() == Errc::invalid);
    r.importer = "ok";
    r.hpke[0].key = "not json";
    CHECK(thrown_by([&] { write_export_request(r); }).code() == Errc::invalid);
    r.hpke[0].key = "[1]";
    CHECK(thrown_by([&] { write_export_request(r); }).code() == Errc::invalid);
}
