// SPDX-License-Identifier: MIT
// Private keys as CXF carries them (PKCS#8 DER): what they are, and conversions to and from PEM.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/crypto/openssl_ptr.h"
#include "cxf/secret.h"

namespace cxf::crypto {

enum class KeyAlgorithm { ec_p256, ec_p384, ec_p521, ec_other, ed25519, ed448, rsa, dsa, other };

struct KeyInfo {
    KeyAlgorithm algorithm = KeyAlgorithm::other;
    std::string description;  // e.g. "EC P-256", "RSA 3072", "Ed25519" — never key material
    bool consistent = true;   // OpenSSL's key check passed (or does not apply)
};

// Parses PKCS#8 (RFC 5958) DER; nullopt when it is not exactly one well-formed private key.
std::optional<KeyInfo> inspect_pkcs8(ByteView der);
PkeyPtr load_pkcs8(ByteView der);  // null when not parseable
std::optional<SecureBytes> to_pkcs8(const EVP_PKEY* key);  // nullopt when OpenSSL cannot encode it

// A WebAuthn signing algorithm a passkey may use (ES256/384/512, EdDSA, RS256).
bool usable_for_passkey(KeyAlgorithm algorithm) noexcept;

// Whether an IANA SSH public key algorithm name ("ssh-ed25519", "ecdsa-sha2-nistp256", …) names
// this kind of key.
bool ssh_key_type_matches(std::string_view key_type, KeyAlgorithm algorithm) noexcept;

// The SSH public key algorithm name for a key, e.g. "ssh-ed25519"; empty when there is none.
std::string_view ssh_key_type_for(KeyAlgorithm algorithm) noexcept;

// PEM "PRIVATE KEY" text ↔ PKCS#8 DER.
Secret pkcs8_der_to_pem(ByteView der);
std::optional<SecureBytes> pkcs8_pem_to_der(std::string_view pem);

}  // namespace cxf::crypto
