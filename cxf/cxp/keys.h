// SPDX-License-Identifier: MIT
// HPKE KEM key pairs (RFC 9180 §7.1) for DHKEM(X25519) and DHKEM(P-256): serialisation, DeriveKeyPair,
// generation, Diffie-Hellman, and private keys as PKCS#8 PEM.
#pragma once

#include <string>
#include <string_view>

#include "cxf/cxp/suite.h"
#include "cxf/secret.h"

namespace cxf::cxp::hpke {

// A KEM public key, valid by construction: the right length and, for P-256, a point on the curve.
class PublicKey {
public:
    // RFC 9180 §7.1.1 DeserializePublicKey: X25519 takes 32 bytes, P-256 a 65-byte uncompressed point
    // that must lie on the curve. Throws Errc::malformed at `place` otherwise.
    static PublicKey deserialize(Kem kem, ByteView bytes, const std::string& place);

    Kem kem() const noexcept { return kem_; }
    // SerializePublicKey (RFC 9180 §7.1.1).
    ByteView bytes() const noexcept { return bytes_; }

    friend bool operator==(const PublicKey&, const PublicKey&) = default;

private:
    PublicKey(Kem kem, Bytes bytes) : kem_(kem), bytes_(std::move(bytes)) {}
    friend class PrivateKey;

    Kem kem_;
    Bytes bytes_;
};

// A KEM private key and its public key. Move-only; the scalar lives in wiped memory.
class PrivateKey {
public:
    // A fresh random key pair (RFC 9180 §7.1.3 allows GenerateKeyPair = DeriveKeyPair(random(Nsk))).
    static PrivateKey generate(Kem kem);
    // RFC 9180 §7.1.3 DeriveKeyPair(ikm); ikm should hold at least 32 bytes of entropy.
    static PrivateKey derive(Kem kem, ByteView ikm);
    // An X25519 or P-256 key from PKCS#8 PEM ("PRIVATE KEY"; traditional "EC PRIVATE KEY" too). Throws
    // Errc::malformed when it is not a readable key and Errc::unsupported for any other key type;
    // `file` names the input in errors.
    static PrivateKey from_pkcs8_pem(std::string_view pem, const std::string& file);

    PrivateKey(PrivateKey&&) noexcept = default;
    PrivateKey& operator=(PrivateKey&&) noexcept = default;
    PrivateKey(const PrivateKey&) = delete;
    PrivateKey& operator=(const PrivateKey&) = delete;

    // PKCS#8 PEM text, for a key file the caller writes with mode 0600.
    crypto::Secret to_pkcs8_pem() const;
    // RFC 9180 §7.1.2 SerializePrivateKey: the 32-byte X25519 key or big-endian P-256 scalar.
    crypto::SecureBytes serialize() const { return scalar_; }

    Kem kem() const noexcept { return public_.kem(); }
    const PublicKey& public_key() const noexcept { return public_; }

    // RFC 9180 §4.1 DH(sk, pk): X25519, or the x-coordinate of the P-256 ECDH point. Refuses a peer key
    // of the other KEM and an all-zero X25519 result (§7.1.4) with Errc::malformed.
    crypto::SecureBytes dh(const PublicKey& peer) const;

private:
    PrivateKey(Kem kem, crypto::SecureBytes scalar);

    crypto::SecureBytes scalar_;
    PublicKey public_;
};

}  // namespace cxf::cxp::hpke
