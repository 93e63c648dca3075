// SPDX-License-Identifier: MIT
// JSON Web Keys (RFC 7517) for the HPKE KEM public keys, and their RFC 7638 thumbprints.
#pragma once

#include <string>

#include "cxf/cxp/keys.h"
#include "cxf/json/cursor.h"

namespace cxf::cxp {

// Compact JWK text: {"kty":"OKP","crv":"X25519","x":…} or {"kty":"EC","crv":"P-256","x":…,"y":…}.
std::string jwk_json(const hpke::PublicKey& key);

// RFC 7638 thumbprint: BASE64URL(SHA-256(the required members in lexicographic order, no whitespace)).
std::string jwk_thumbprint(const hpke::PublicKey& key);

// The public key a JWK object holds. Other members are ignored, as RFC 7517 §4 asks. Throws
// Errc::malformed at the JSON pointer of the fault (missing or mistyped member, bad base64url, wrong
// length, a P-256 point off the curve, a private key "d"), and Errc::unsupported for any other kty or crv.
hpke::PublicKey read_jwk(const json::Cursor& jwk, const std::string& file);

}  // namespace cxf::cxp
