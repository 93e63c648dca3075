// SPDX-License-Identifier: MIT
// The CXP archive's JWE entries (the project's `.cxp` archive contract): JWE compact serialisation
// (RFC 7516 §7.1) with HPKE base mode (RFC 9180) as the content encryption.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/cxp/keys.h"
#include "cxf/cxp/suite.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::cxp {

// The header "alg" for a suite, e.g. "HPKE-Base-X25519-SHA256-AES256GCM"; nullopt for the suites the
// convention cannot name (KDFs other than HKDF-SHA256, export-only).
std::optional<std::string> jwe_alg(const hpke::Suite& suite);

// Encrypts `plaintext` to `recipient` with a fresh HPKE context (so iv = base_nonce). The protected
// header carries alg, enc, epk and kid (the recipient's RFC 7638 thumbprint). Throws Errc::unsupported
// when jwe_alg(suite) has no name, Errc::usage when the key is not for the suite's KEM.
std::string jwe_encrypt(const hpke::Suite& suite, const hpke::PublicKey& recipient, ByteView plaintext);

// Decrypts one JWE, written by jwe_encrypt or by an exporter that shares one HPKE context across JWEs
// (same epk, iv = base_nonce XOR seq): the iv given is used as the nonce. Everything is checked before
// the key is used: lengths, base64url, header (Errc::malformed at "offset N (part)" or
// "protected header/<pointer>"), suite (Errc::unsupported naming it), size (Errc::limit_exceeded).
// Then: a kid or KEM that is not this key's is Errc::wrong_password ("encrypted to a different key");
// a tag failure is Errc::integrity when the kid matched, else Errc::wrong_password ("wrong private key,
// or the data is damaged"). `file` names the input in errors.
crypto::SecureBytes jwe_decrypt(std::string_view jwe, const hpke::PrivateKey& key, const std::string& file,
                                const Limits& limits = {});

}  // namespace cxf::cxp
