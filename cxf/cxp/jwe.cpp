// SPDX-License-Identifier: MIT
#include "cxf/cxp/jwe.h"

#include <array>
#include <optional>

#include "cxf/cxp/hpke.h"
#include "cxf/cxp/json_fields.h"
#include "cxf/cxp/jwk.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/builder.h"
#include "cxf/json/tape.h"

namespace cxf::cxp {

namespace {

using hpke::Aead;
using hpke::Kdf;
using hpke::Kem;

constexpr std::size_t max_header_bytes = 16 * 1024;  // a real header is about 200 bytes
constexpr std::string_view header_place = "protected header";

struct AeadName {
    Aead aead;
    std::string_view alg_suffix;  // in "alg"
    std::string_view enc;         // the JWE "enc" value
};
constexpr std::array<AeadName, 3> aead_names{{
    {Aead::aes128_gcm, "AES128GCM", "A128GCM"},
    {Aead::aes256_gcm, "AES256GCM", "A256GCM"},
    {Aead::chacha20_poly1305, "ChaCha20Poly1305", "C20P"},
}};

const AeadName* find_aead(Aead aead) {
    for (const AeadName& name : aead_names)
        if (name.aead == aead) return &name;
    return nullptr;
}

std::string_view kem_label(Kem kem) { return kem == Kem::p256_sha256 ? "P256" : "X25519"; }

std::optional<hpke::Suite> suite_for_alg(std::string_view alg) {
    for (const Kem kem : {Kem::x25519_sha256, Kem::p256_sha256})
        for (const AeadName& name : aead_names)
            if (const hpke::Suite suite{kem, Kdf::hkdf_sha256, name.aead}; jwe_alg(suite) == alg) return suite;
    return std::nullopt;
}

// A JWE compact serialisation cut into its five parts, with where each starts.
struct Parts {
    std::array<std::string_view, 5> text;
    std::array<std::size_t, 5> offset{};
};

constexpr std::array<std::string_view, 5> part_names{"protected header", "encrypted key", "iv", "ciphertext", "tag"};

std::string place(const Parts& parts, std::size_t index) {
    return "offset " + std::to_string(parts.offset[index]) + " (" + std::string(part_names[index]) + ")";
}

Parts split(std::string_view jwe, const std::string& file) {
    Parts parts;
    std::size_t start = 0, count = 0;
    for (std::size_t at = 0; at <= jwe.size(); ++at) {
        if (at != jwe.size() && jwe[at] != '.') continue;
        if (count < parts.text.size()) {
            parts.text[count] = jwe.substr(start, at - start);
            parts.offset[count] = start;
        }
        ++count;
        start = at + 1;
    }
    if (count != parts.text.size())
        throw Error(Errc::malformed, {file, "offset 0"},
                    "a JWE in compact serialisation has 5 parts separated by '.'; this has " + std::to_string(count));
    return parts;
}

// Secure memory for all of them: the ciphertext becomes the plaintext where it is.
crypto::SecureBytes decode(const Parts& parts, std::size_t index, const std::string& file) {
    auto bytes = encoding::base64url_decode_secure(parts.text[index]);
    if (!bytes)
        throw Error(Errc::malformed, {file, place(parts, index)},
                    "the " + std::string(part_names[index]) + " is not base64url");
    return std::move(*bytes);
}

void expect_size(const Parts& parts, std::size_t index, ByteView bytes, std::size_t size, const std::string& file) {
    if (bytes.size() != size)
        throw Error(Errc::malformed, {file, place(parts, index)},
                    "the " + std::string(part_names[index]) + " is " + std::to_string(bytes.size()) +
                        " bytes; expected " + std::to_string(size));
}

// What the protected header says, checked against the conventions before any key is used.
struct Header {
    hpke::Suite suite;
    Bytes enc;
    std::optional<std::string> kid;
};

Header read_header(const Parts& parts, const std::string& file, const Limits& limits) {
    const std::string_view text = parts.text[0];
    if (text.size() > max_header_bytes)
        throw Error(Errc::limit_exceeded, {file, place(parts, 0)},
                    "the protected header is " + std::to_string(text.size()) + " bytes; the cap is " +
                        std::to_string(max_header_bytes));
    const crypto::SecureBytes json_bytes = decode(parts, 0, file);
    json::Tape tape;
    try {
        json::parse(as_text(json_bytes), file, limits, tape);
    } catch (const Error& e) {
        throw Error(e.code(), {file, std::string(header_place) + e.where().place}, e.what());
    }
    const std::string base(header_place);
    const json::Cursor root(tape, 0, base);
    const json::Reader fields = detail::fields(file);
    if (!root.is_object()) fields.fail(root, "the protected header must be a JSON object");

    const std::string_view alg = fields.required_member(root, "alg", json::Kind::string).string();
    const auto suite = suite_for_alg(alg);
    if (!suite)
        throw Error(Errc::unsupported, {file, base + "/alg"},
                    "unsupported JWE alg '" + std::string(alg.substr(0, 64)) +
                        "'; cxf reads HPKE-Base-{X25519,P256}-SHA256-{AES128GCM,AES256GCM,ChaCha20Poly1305}");
    const json::Cursor enc = fields.required_member(root, "enc", json::Kind::string);
    if (enc.string() != find_aead(suite->aead)->enc)
        fields.fail(enc, "'enc' does not match alg " + std::string(alg) + " (expected " +
                              std::string(find_aead(suite->aead)->enc) + ")");
    if (const auto zip = root.find("zip"))
        throw Error(Errc::unsupported, {file, zip->pointer()}, "compressed JWE content ('zip') is not supported");
    if (const auto crit = root.find("crit"))
        throw Error(Errc::unsupported, {file, crit->pointer()},
                    "the JWE names critical header extensions ('crit') cxf does not know");

    const json::Cursor epk = fields.required_member(root, "epk", json::Kind::object);
    const hpke::PublicKey ephemeral = read_jwk(epk, file);
    if (ephemeral.kem() != suite->kem) fields.fail(epk, "'epk' is not a key for alg " + std::string(alg));

    Header header{*suite, Bytes(ephemeral.bytes().begin(), ephemeral.bytes().end()), std::nullopt};
    if (const auto kid = fields.optional_member(root, "kid", json::Kind::string))
        header.kid = std::string(kid->string());
    return header;
}

std::string protected_header(const hpke::Suite& suite, const std::string& alg, const hpke::PublicKey& recipient,
                             ByteView enc) {
    const hpke::PublicKey epk = hpke::PublicKey::deserialize(suite.kem, enc, "enc");
    json::Builder out;
    out.begin_object();
    out.key("alg").string(alg);
    out.key("enc").string(find_aead(suite.aead)->enc);
    out.key("epk").raw(jwk_json(epk));
    out.key("kid").string(jwk_thumbprint(recipient));
    out.end_object();
    return std::string(out.take().view());
}

}  // namespace

std::optional<std::string> jwe_alg(const hpke::Suite& suite) {
    const AeadName* aead = find_aead(suite.aead);
    if (!aead || suite.kdf != Kdf::hkdf_sha256) return std::nullopt;
    return "HPKE-Base-" + std::string(kem_label(suite.kem)) + "-SHA256-" + std::string(aead->alg_suffix);
}

std::string jwe_encrypt(const hpke::Suite& suite, const hpke::PublicKey& recipient, ByteView plaintext) {
    const auto alg = jwe_alg(suite);
    if (!alg)
        throw Error(Errc::unsupported, {"", ""}, "the CXP JWE convention has no alg for " + hpke::suite_name(suite));
    hpke::Sender sender = hpke::setup_sender(suite, recipient, {});
    const std::string header =
        encoding::base64url_encode(as_bytes(protected_header(suite, *alg, recipient, sender.enc)));
    const Bytes iv = sender.context.nonce();
    const Bytes sealed = sender.context.seal(as_bytes(header), plaintext);
    const std::size_t nt = hpke::tag_size(suite.aead);
    const ByteView sealed_view(sealed);
    return header + ".." + encoding::base64url_encode(iv) + "." +
           encoding::base64url_encode(sealed_view.first(sealed.size() - nt)) + "." +
           encoding::base64url_encode(sealed_view.last(nt));
}

crypto::SecureBytes jwe_decrypt(std::string_view jwe, const hpke::PrivateKey& key, const std::string& file,
                                const Limits& limits) {
    if (jwe.size() > limits.max_input_bytes)
        throw Error(Errc::limit_exceeded, {file, ""},
                    "the JWE is " + std::to_string(jwe.size()) + " bytes; the cap is " +
                        std::to_string(limits.max_input_bytes));
    while (!jwe.empty() && (jwe.back() == '\n' || jwe.back() == '\r' || jwe.back() == ' ' || jwe.back() == '\t'))
        jwe.remove_suffix(1);
    const Parts parts = split(jwe, file);
    const Header header = read_header(parts, file, limits);
    if (!parts.text[1].empty())
        throw Error(Errc::unsupported, {file, place(parts, 1)},
                    "the JWE has an encrypted key; the CXP convention uses HPKE directly and leaves it empty");
    const crypto::SecureBytes iv = decode(parts, 2, file);
    expect_size(parts, 2, iv, hpke::nonce_size(header.suite.aead), file);
    crypto::SecureBytes ciphertext = decode(parts, 3, file);
    const crypto::SecureBytes tag = decode(parts, 4, file);
    expect_size(parts, 4, tag, hpke::tag_size(header.suite.aead), file);

    if (key.kem() != header.suite.kem)
        throw Error(Errc::wrong_password, {file, std::string(header_place) + "/alg"},
                    "the data is encrypted to a different key: a " + hpke::kem_name(header.suite.kem) +
                        " key, and this is a " + hpke::kem_name(key.kem()) + " key");
    const bool kid_matches =
        header.kid && crypto::equal_ct(as_bytes(*header.kid), as_bytes(jwk_thumbprint(key.public_key())));
    if (header.kid && !kid_matches)
        throw Error(Errc::wrong_password, {file, std::string(header_place) + "/kid"},
                    "the data is encrypted to a different key (its kid is not this key's thumbprint)");

    std::optional<hpke::RecipientContext> context;
    try {
        context.emplace(hpke::setup_recipient(header.suite, key, header.enc, {}));
    } catch (const Error& e) {
        throw Error(e.code(), {file, std::string(header_place) + "/epk"}, e.what());
    }
    try {
        return context->open_with_nonce(iv, as_bytes(parts.text[0]), std::move(ciphertext), tag);
    } catch (const Error& e) {
        if (e.code() != Errc::wrong_password) throw e.in_file(file);
        if (kid_matches)
            throw Error(
                Errc::integrity, {file, place(parts, 3)},
                "the authentication tag does not match although the key is the right one (kid): the data is damaged");
        throw Error(Errc::wrong_password, {file, place(parts, 3)},
                    "cannot decrypt: wrong private key, or the data is damaged");
    }
}

}  // namespace cxf::cxp
