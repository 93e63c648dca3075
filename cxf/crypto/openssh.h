// SPDX-License-Identifier: MIT
// OpenSSH private keys ("openssh-key-v1", OpenSSH's PROTOCOL.key) ↔ PKCS#8 DER, plus the public key
// line and SHA-256 fingerprint SSH tools show. Ed25519, ECDSA P-256/384/521 and RSA keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/secret.h"

namespace cxf::crypto {

struct OpenSshKey {
    SecureBytes pkcs8;        // the private key as PKCS#8 DER
    std::string key_type;     // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", …
    std::string comment;
    std::uint32_t check = 0;  // the file's random check integer: writing it back gives the same text
    std::size_t line_width = 70;  // base64 characters per PEM line (ssh-keygen: 70; some libraries: 64 or 76)
};

// Why an OpenSSH private key text could not be converted.
enum class OpenSshProblem {
    not_openssh,       // no "BEGIN OPENSSH PRIVATE KEY" block
    malformed,         // the block is damaged
    encrypted,         // protected by a passphrase
    unsupported_type,  // a key type with no PKCS#8 form here (ssh-dss, security-key "sk-" keys, …)
};

struct OpenSshParse {
    std::optional<OpenSshKey> key;
    OpenSshProblem problem = OpenSshProblem::malformed;  // meaningful only when `key` is empty
    std::string detail;                                  // e.g. the key type name; never key material
};

OpenSshParse parse_openssh_private_key(std::string_view pem);

// The OpenSSH PEM text of a PKCS#8 key. `check` defaults to one derived from the public key, so
// the output is reproducible. nullopt when SSH has no encoding for the key (Ed448, DSA, other curves).
std::optional<Secret> openssh_private_key(ByteView pkcs8, std::string_view comment,
                                          std::optional<std::uint32_t> check = std::nullopt, std::size_t line_width = 70);

// The SSH wire-format public key (RFC 4253 §6.6, RFC 5656, RFC 8709) of a PKCS#8 private key.
std::optional<Bytes> ssh_public_key_blob(ByteView pkcs8);
// "ssh-ed25519 AAAA…" followed by " comment" when there is one.
std::string ssh_public_key_line(ByteView blob, std::string_view comment = {});
// "SHA256:" and the unpadded base64 of the blob's SHA-256, as ssh-keygen -l prints it.
std::string ssh_fingerprint_sha256(ByteView blob);

}  // namespace cxf::crypto
