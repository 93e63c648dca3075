// SPDX-License-Identifier: MIT
// HPKE (RFC 9180) on OpenSSL 3.0 primitives: the four modes, sender and recipient contexts with
// sequence numbers, secret export, and the single-shot Seal/Open.
#pragma once

#include <cstdint>
#include <optional>

#include "cxf/cxp/keys.h"
#include "cxf/cxp/suite.h"
#include "cxf/secret.h"

namespace cxf::cxp::hpke {

// A pre-shared key and its identifier (RFC 9180 §5.1.2); both non-empty.
struct Psk {
    ByteView key;
    ByteView id;
};

// The mode follows from what is given: nothing → base, psk → psk, sender → auth, both → auth-psk.
struct SenderOptions {
    std::optional<Psk> psk;
    const PrivateKey* sender = nullptr;     // skS for the auth modes
    const PrivateKey* ephemeral = nullptr;  // a fixed skE (test vectors only); normally a fresh random one
};

struct RecipientOptions {
    std::optional<Psk> psk;
    const PublicKey* sender = nullptr;  // pkS for the auth modes
};

namespace detail {
struct ContextAccess;
}

// The state both ends share after the key schedule (RFC 9180 §5.1): AEAD key, base nonce, exporter
// secret and the sequence number of the next message.
class Context {
public:
    const Suite& suite() const noexcept { return suite_; }
    Mode mode() const noexcept { return mode_; }
    std::uint64_t sequence() const noexcept { return sequence_; }
    // The nonce the next Seal or Open uses: base_nonce XOR I2OSP(seq, Nn) (RFC 9180 §5.2).
    Bytes nonce() const;

    // RFC 9180 §5.3 Export(exporter_context, L). Throws Errc::usage for L > 255 * Nh.
    crypto::SecureBytes export_secret(ByteView exporter_context, std::size_t length) const;

    // Copying would let two contexts seal with the same nonce.
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    Context(Context&&) = default;
    Context& operator=(Context&&) = default;

protected:
    Context() = default;
    // Throws Errc::usage for an export-only suite and Errc::limit_exceeded when the sequence is spent.
    void check_aead_usable() const;

    Suite suite_;
    Mode mode_ = Mode::base;
    crypto::SecureBytes key_;
    Bytes base_nonce_;
    crypto::SecureBytes exporter_secret_;
    std::uint64_t sequence_ = 0;

    friend struct detail::ContextAccess;
};

class SenderContext : public Context {
public:
    // RFC 9180 §5.2 ContextS.Seal: ciphertext || tag, then the sequence number advances.
    Bytes seal(ByteView aad, ByteView plaintext);

private:
    SenderContext() = default;
    friend struct detail::ContextAccess;
};

class RecipientContext : public Context {
public:
    // RFC 9180 §5.2 ContextR.Open; the sequence number advances only on success. A tag that does
    // not verify throws Errc::wrong_password ("wrong private key, or the data is damaged").
    crypto::SecureBytes open(ByteView aad, ByteView ciphertext);
    // Open with a nonce the message carries itself (a JWE's iv), and its tag apart from the
    // ciphertext, leaving the sequence number alone. The ciphertext is decrypted where it is.
    crypto::SecureBytes open_with_nonce(ByteView nonce, ByteView aad, crypto::SecureBytes ciphertext,
                                        ByteView tag) const;

private:
    RecipientContext() = default;
    friend struct detail::ContextAccess;
};

struct Sender {
    Bytes enc;
    SenderContext context;
};

// RFC 9180 §5.1.1–§5.1.4 SetupBaseS/SetupPSKS/SetupAuthS/SetupAuthPSKS. Throws Errc::usage when a key
// does not belong to the suite's KEM or the PSK inputs are inconsistent.
Sender setup_sender(const Suite& suite, const PublicKey& recipient, ByteView info, const SenderOptions& options = {});

// RFC 9180 §5.1.1–§5.1.4 SetupBaseR and friends. Throws Errc::malformed (place "enc") when `enc`
// is not a valid public key of the suite's KEM, and Errc::usage as setup_sender does.
RecipientContext setup_recipient(const Suite& suite, const PrivateKey& recipient, ByteView enc, ByteView info,
                                 const RecipientOptions& options = {});

struct Sealed {
    Bytes enc;
    Bytes ciphertext;
};

// RFC 9180 §6.1 single-shot Seal.
Sealed seal(const Suite& suite, const PublicKey& recipient, ByteView info, ByteView aad, ByteView plaintext,
            const SenderOptions& options = {});

// RFC 9180 §6.1 single-shot Open; errors as setup_recipient and RecipientContext::open.
crypto::SecureBytes open(const Suite& suite, const PrivateKey& recipient, ByteView enc, ByteView info, ByteView aad,
                         ByteView ciphertext, const RecipientOptions& options = {});

}  // namespace cxf::cxp::hpke
