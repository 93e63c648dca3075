// SPDX-License-Identifier: MIT
// Bitwarden's EncString of type 2 (AesCbc256_HmacSha256_B64), the only type password-protected exports use.
#pragma once

#include <string>
#include <string_view>

#include "cxf/error.h"
#include "cxf/secret.h"

namespace cxf::bitwarden {

// Bitwarden's "SymmetricCryptoKey" for type 2: a 32-byte AES key and a 32-byte HMAC key.
struct SymmetricKey {
    crypto::SecureBytes enc;
    crypto::SecureBytes mac;
};

// "2." base64(iv) "|" base64(ciphertext) "|" base64(mac): AES-256-CBC with PKCS#7 padding, then
// HMAC-SHA256 over iv || ciphertext (encrypt-then-MAC).
class EncString {
public:
    // Throws at `where`: Errc::malformed for a bad shape, base64 or part size; Errc::unsupported for
    // another EncString type.
    static EncString parse(std::string_view text, const Where& where);
    // With a fresh random IV.
    static EncString encrypt(ByteView plaintext, const SymmetricKey& key);

    std::string text() const;

    // The MAC matches, compared in constant time.
    bool authentic(const SymmetricKey& key) const;
    // Checks the MAC before anything is decrypted: Errc::integrity when it does not match,
    // Errc::malformed when the padding is wrong under a good MAC.
    crypto::SecureBytes decrypt(const SymmetricKey& key, const Where& where) const;

private:
    EncString(Bytes iv, Bytes ciphertext, Bytes mac)
        : iv_(std::move(iv)), ciphertext_(std::move(ciphertext)), mac_(std::move(mac)) {}

    Bytes iv_;
    Bytes ciphertext_;
    Bytes mac_;
};

}  // namespace cxf::bitwarden
