// SPDX-License-Identifier: MIT
#include "cxf/cxp/jwk.h"

#include "cxf/crypto/hash.h"
#include "cxf/cxp/json_fields.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/builder.h"

namespace cxf::cxp {

namespace {

constexpr std::size_t coordinate_size = 32;  // P-256: RFC 7518 §6.2.1.2 wants the full length

// Members in `canonical` (RFC 7638 §3.2) order, or in the order RFC 7517 examples show them.
std::string write_jwk(const hpke::PublicKey& key, bool canonical) {
    const ByteView bytes = key.bytes();
    const bool ec = key.kem() == hpke::Kem::p256_sha256;
    const std::string_view kty = ec ? "EC" : "OKP", crv = ec ? "P-256" : "X25519";
    json::Builder out;
    out.begin_object();
    if (canonical) {
        out.key("crv").string(crv);
        out.key("kty").string(kty);
    } else {
        out.key("kty").string(kty);
        out.key("crv").string(crv);
    }
    if (ec) {
        out.key("x").string(encoding::base64url_encode(bytes.subspan(1, coordinate_size)));
        out.key("y").string(encoding::base64url_encode(bytes.subspan(1 + coordinate_size, coordinate_size)));
    } else {
        out.key("x").string(encoding::base64url_encode(bytes));
    }
    out.end_object();
    return std::string(out.take().view());
}

Bytes coordinate(const json::Cursor& jwk, std::string_view name, std::size_t size, const json::Reader& fields) {
    const json::Cursor value = fields.required_member(jwk, name, json::Kind::string);
    auto bytes = encoding::base64url_decode(value.string());
    if (!bytes) fields.fail(value, "'" + std::string(name) + "' is not base64url");
    if (bytes->size() != size)
        fields.fail(value, "'" + std::string(name) + "' is " + std::to_string(bytes->size()) + " bytes; expected " +
                      std::to_string(size));
    return std::move(*bytes);
}

}  // namespace

std::string jwk_json(const hpke::PublicKey& key) { return write_jwk(key, false); }

std::string jwk_thumbprint(const hpke::PublicKey& key) {
    const std::string canonical = write_jwk(key, true);
    return encoding::base64url_encode(crypto::sha256({as_bytes(canonical)}));
}

hpke::PublicKey read_jwk(const json::Cursor& jwk, const std::string& file) {
    const json::Reader fields = detail::fields(file);
    if (!jwk.is_object())
        fields.fail(jwk, "a JWK must be an object, not " + std::string(json::type_name(jwk)));
    const json::Cursor kty = fields.required_member(jwk, "kty", json::Kind::string);
    if (kty.string() != "OKP" && kty.string() != "EC")
        throw Error(Errc::unsupported, {file, kty.pointer()},
                    "unsupported JWK key type '" + std::string(kty.string().substr(0, 16)) +
                        "'; CXP keys are X25519 (OKP) or P-256 (EC)");
    const json::Cursor crv = fields.required_member(jwk, "crv", json::Kind::string);
    if (const auto d = jwk.find("d"))
        fields.fail(*d, "the JWK holds a private key ('d'); a public key belongs here");

    hpke::Kem kem;
    Bytes bytes;
    if (kty.string() == "OKP" && crv.string() == "X25519") {
        kem = hpke::Kem::x25519_sha256;
        bytes = coordinate(jwk, "x", hpke::public_key_size(kem), fields);
    } else if (kty.string() == "EC" && crv.string() == "P-256") {
        kem = hpke::Kem::p256_sha256;
        bytes.push_back(0x04);
        const Bytes x = coordinate(jwk, "x", coordinate_size, fields);
        const Bytes y = coordinate(jwk, "y", coordinate_size, fields);
        bytes.insert(bytes.end(), x.begin(), x.end());
        bytes.insert(bytes.end(), y.begin(), y.end());
    } else {
        throw Error(Errc::unsupported, {file, crv.pointer()},
                    "unsupported JWK curve '" + std::string(crv.string().substr(0, 16)) +
                        "'; CXP keys are X25519 (OKP) or P-256 (EC)");
    }
    try {
        return hpke::PublicKey::deserialize(kem, bytes, jwk.pointer());
    } catch (const Error& e) {
        throw e.in_file(file);
    }
}

}  // namespace cxf::cxp
