// SPDX-License-Identifier: MIT
#include "cxf/cxp/hpke.h"

#include <limits>
#include <string>

#include "cxf/cxp/aead.h"
#include "cxf/cxp/labeled_kdf.h"
#include "cxf/error.h"

namespace cxf::cxp::hpke {

namespace {

constexpr std::string_view open_failed = "cannot decrypt: wrong private key, or the data is damaged";

crypto::SecureBytes concat(std::initializer_list<ByteView> parts) {
    crypto::SecureBytes out;
    for (const ByteView part : parts) out.insert(out.end(), part.begin(), part.end());
    return out;
}

void require_kem(const Suite& suite, Kem kem, std::string_view whose) {
    if (kem != suite.kem)
        throw Error(
            Errc::usage, {"", ""},
            "the " + std::string(whose) + " key is for " + kem_name(kem) + ", but the suite is " + suite_name(suite));
}

// RFC 9180 §5.1 VerifyPSKInputs, with the mode read off the options.
Mode mode_for(const std::optional<Psk>& psk, bool authenticated) {
    if (psk && (psk->key.empty() || psk->id.empty()))
        throw Error(Errc::usage, {"", ""}, "a PSK needs both a key and an id (RFC 9180 §5.1)");
    if (psk) return authenticated ? Mode::auth_psk : Mode::psk;
    return authenticated ? Mode::auth : Mode::base;
}

// RFC 9180 §4.1 ExtractAndExpand, with the KEM's own suite id and HKDF-SHA256 (both KEMs use it).
crypto::SecureBytes extract_and_expand(Kem kem, ByteView dh, ByteView kem_context) {
    const Bytes suite_id = detail::kem_suite_id(kem);
    const crypto::SecureBytes prk = detail::labeled_extract(Kdf::hkdf_sha256, suite_id, {}, "eae_prk", dh);
    return detail::labeled_expand(Kdf::hkdf_sha256, suite_id, prk, "shared_secret", kem_context, 32);
}

}  // namespace

namespace detail {

struct ContextAccess {
    // RFC 9180 §5.1 KeySchedule.
    template <typename C>
    static C key_schedule(const Suite& suite, Mode mode, ByteView shared_secret, ByteView info,
                          const std::optional<Psk>& psk) {
        const Bytes suite_id = hpke_suite_id(suite);
        const ByteView psk_key = psk ? psk->key : ByteView{};
        const ByteView psk_id = psk ? psk->id : ByteView{};
        const crypto::SecureBytes psk_id_hash = labeled_extract(suite.kdf, suite_id, {}, "psk_id_hash", psk_id);
        const crypto::SecureBytes info_hash = labeled_extract(suite.kdf, suite_id, {}, "info_hash", info);
        const std::uint8_t mode_byte = static_cast<std::uint8_t>(mode);
        const crypto::SecureBytes context = concat({ByteView(&mode_byte, 1), psk_id_hash, info_hash});
        const crypto::SecureBytes secret = labeled_extract(suite.kdf, suite_id, shared_secret, "secret", psk_key);

        C out;
        out.suite_ = suite;
        out.mode_ = mode;
        out.key_ = labeled_expand(suite.kdf, suite_id, secret, "key", context, key_size(suite.aead));
        const crypto::SecureBytes nonce =
            labeled_expand(suite.kdf, suite_id, secret, "base_nonce", context, nonce_size(suite.aead));
        out.base_nonce_.assign(nonce.begin(), nonce.end());
        out.exporter_secret_ = labeled_expand(suite.kdf, suite_id, secret, "exp", context, hash_size(suite.kdf));
        return out;
    }
};

}  // namespace detail

Bytes Context::nonce() const {
    Bytes out = base_nonce_;
    std::uint64_t seq = sequence_;
    for (std::size_t i = out.size(); i-- > 0 && seq != 0; seq >>= 8)
        out[i] = static_cast<std::uint8_t>(out[i] ^ (seq & 0xFF));
    return out;
}

void Context::check_aead_usable() const {
    if (suite_.aead == Aead::export_only)
        throw Error(Errc::usage, {"", ""}, "an export-only HPKE context cannot seal or open (RFC 9180 §5.3)");
    // RFC 9180 §5.2 MessageLimitReachedError; cxf counts in 64 bits, far below 2^(8*Nn).
    if (sequence_ == std::numeric_limits<std::uint64_t>::max())
        throw Error(Errc::limit_exceeded, {"", ""}, "the HPKE context has used every sequence number");
}

crypto::SecureBytes Context::export_secret(ByteView exporter_context, std::size_t length) const {
    if (length > 255 * hash_size(suite_.kdf))
        throw Error(Errc::usage, {"", ""},
                    "an HPKE export is at most 255 * Nh bytes; " + std::to_string(length) + " were asked for");
    return detail::labeled_expand(suite_.kdf, detail::hpke_suite_id(suite_), exporter_secret_, "sec", exporter_context,
                                  length);
}

Bytes SenderContext::seal(ByteView aad, ByteView plaintext) {
    check_aead_usable();
    Bytes out = detail::aead_seal(suite_.aead, key_, nonce(), aad, plaintext);
    ++sequence_;
    return out;
}

crypto::SecureBytes RecipientContext::open(ByteView aad, ByteView ciphertext) {
    check_aead_usable();
    auto plaintext = detail::aead_open(suite_.aead, key_, nonce(), aad, ciphertext);
    if (!plaintext) throw Error(Errc::wrong_password, {"", "ciphertext"}, std::string(open_failed));
    ++sequence_;
    return std::move(*plaintext);
}

crypto::SecureBytes RecipientContext::open_with_nonce(ByteView nonce, ByteView aad, crypto::SecureBytes ciphertext,
                                                      ByteView tag) const {
    check_aead_usable();
    if (nonce.size() != nonce_size(suite_.aead))
        throw Error(Errc::malformed, {"", "nonce"},
                    "the nonce is " + std::to_string(nonce.size()) + " bytes; expected " +
                        std::to_string(nonce_size(suite_.aead)));
    if (!detail::aead_open_in_place(suite_.aead, key_, nonce, aad, ciphertext, tag))
        throw Error(Errc::wrong_password, {"", "ciphertext"}, std::string(open_failed));
    return ciphertext;
}

// RFC 9180 §4.1 Encap/AuthEncap, then the key schedule.
Sender setup_sender(const Suite& suite, const PublicKey& recipient, ByteView info, const SenderOptions& options) {
    require_kem(suite, recipient.kem(), "recipient's");
    if (options.sender) require_kem(suite, options.sender->kem(), "sender's");
    if (options.ephemeral) require_kem(suite, options.ephemeral->kem(), "ephemeral");
    const Mode mode = mode_for(options.psk, options.sender != nullptr);

    std::optional<PrivateKey> fresh;
    if (!options.ephemeral) fresh.emplace(PrivateKey::generate(suite.kem));
    const PrivateKey& ephemeral = options.ephemeral ? *options.ephemeral : *fresh;
    const ByteView enc = ephemeral.public_key().bytes();

    crypto::SecureBytes dh = ephemeral.dh(recipient);
    crypto::SecureBytes kem_context = concat({enc, recipient.bytes()});
    if (options.sender) {
        const crypto::SecureBytes static_dh = options.sender->dh(recipient);
        dh.insert(dh.end(), static_dh.begin(), static_dh.end());
        const ByteView sender_public = options.sender->public_key().bytes();
        kem_context.insert(kem_context.end(), sender_public.begin(), sender_public.end());
    }
    const crypto::SecureBytes shared_secret = extract_and_expand(suite.kem, dh, kem_context);
    return Sender{Bytes(enc.begin(), enc.end()),
                  detail::ContextAccess::key_schedule<SenderContext>(suite, mode, shared_secret, info, options.psk)};
}

// RFC 9180 §4.1 Decap/AuthDecap, then the key schedule.
RecipientContext setup_recipient(const Suite& suite, const PrivateKey& recipient, ByteView enc, ByteView info,
                                 const RecipientOptions& options) {
    require_kem(suite, recipient.kem(), "recipient's");
    if (options.sender) require_kem(suite, options.sender->kem(), "sender's");
    const Mode mode = mode_for(options.psk, options.sender != nullptr);

    const PublicKey ephemeral = PublicKey::deserialize(suite.kem, enc, "enc");
    crypto::SecureBytes dh = recipient.dh(ephemeral);
    crypto::SecureBytes kem_context = concat({enc, recipient.public_key().bytes()});
    if (options.sender) {
        const crypto::SecureBytes static_dh = recipient.dh(*options.sender);
        dh.insert(dh.end(), static_dh.begin(), static_dh.end());
        kem_context.insert(kem_context.end(), options.sender->bytes().begin(), options.sender->bytes().end());
    }
    const crypto::SecureBytes shared_secret = extract_and_expand(suite.kem, dh, kem_context);
    return detail::ContextAccess::key_schedule<RecipientContext>(suite, mode, shared_secret, info, options.psk);
}

Sealed seal(const Suite& suite, const PublicKey& recipient, ByteView info, ByteView aad, ByteView plaintext,
            const SenderOptions& options) {
    Sender sender = setup_sender(suite, recipient, info, options);
    Bytes ciphertext = sender.context.seal(aad, plaintext);
    return Sealed{std::move(sender.enc), std::move(ciphertext)};
}

crypto::SecureBytes open(const Suite& suite, const PrivateKey& recipient, ByteView enc, ByteView info, ByteView aad,
                         ByteView ciphertext, const RecipientOptions& options) {
    RecipientContext context = setup_recipient(suite, recipient, enc, info, options);
    return context.open(aad, ciphertext);
}

}  // namespace cxf::cxp::hpke
