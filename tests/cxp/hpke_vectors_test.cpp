// SPDX-License-Identifier: MIT
// RFC 9180 test vectors through cxf's HPKE: DeriveKeyPair, Encap/Decap in all four modes, the key
// schedule, every listed sequence number at both ends, the exports, and single-shot Seal/Open.
#include <catch2/catch.hpp>

#include <map>

#include "cxf/cxp/hpke.h"
#include "cxf/json/cursor.h"
#include "tests/cxp/support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using namespace cxf::cxp;
using test::cxp::hex;
using test::cxp::unhex;

namespace {

struct Encryption {
    std::uint64_t sequence = 0;
    Bytes pt, aad, nonce, ct;
};

struct Export {
    Bytes context;
    std::size_t length = 0;
    Bytes value;
};

struct Vector {
    std::string name;
    std::map<std::string, std::string> setup;  // hex, or decimal for the ids
    std::vector<Encryption> encryptions;
    std::vector<Export> exports;

    bool has(const std::string& key) const { return setup.count(key) != 0; }
    Bytes bytes(const std::string& key) const { return unhex(setup.at(key)); }
    std::uint16_t id(const std::string& key) const { return static_cast<std::uint16_t>(std::stoul(setup.at(key))); }
};

// Numbers are strings in the RFC files and JSON numbers in the derived one.
std::string text(const json::Cursor& value) {
    return value.is_string() ? std::string(value.string()) : std::to_string(value.uint64());
}

std::string member_text(const json::Cursor& object, std::string_view a, std::string_view b = {}) {
    auto value = object.find(a);
    if (!value && !b.empty()) value = object.find(b);
    REQUIRE(value);
    return text(*value);
}

Vector read_vector(const std::string& name, const json::Cursor& setup, const json::Cursor& body) {
    Vector v;
    v.name = name;
    for (const auto member : setup.members())
        if (member.value.is_string() || member.value.is(json::Kind::uint64))
            v.setup[std::string(member.key)] = text(member.value);
    if (const auto encryptions = body.find("encryptions"))
        for (const json::Cursor e : encryptions->elements())
            v.encryptions.push_back({std::stoull(member_text(e, "sequence number", "sequence_number")),
                                     unhex(member_text(e, "pt")), unhex(member_text(e, "aad")),
                                     unhex(member_text(e, "nonce")), unhex(member_text(e, "ct"))});
    for (const json::Cursor x : body.find("exports")->elements())
        v.exports.push_back({unhex(member_text(x, "exporter_context")), std::stoul(member_text(x, "L")),
                             unhex(member_text(x, "exported_value"))});
    return v;
}

std::vector<Vector> load(const std::string& file) {
    const std::string json_text = test::read_text(test::testdata("hpke/" + file));
    json::Tape tape;
    json::parse(json_text, file, {}, tape);
    const std::string base;
    const json::Cursor root(tape, 0, base);
    std::vector<Vector> out;
    if (root.is_object()) {
        out.push_back(read_vector(file, root, root));
        return out;
    }
    for (const json::Cursor suite : root.elements())
        for (const json::Cursor mode : suite.find("modes")->elements())
            out.push_back(read_vector(
                std::string(suite.find("suite")->string()) + " / " + std::string(mode.find("section")->string()),
                *mode.find("setup"), mode));
    return out;
}

std::vector<Vector> all_vectors() {
    std::vector<Vector> out;
    for (const char* file : {"rfc9180-appendix-a-x25519.json", "derived-x25519-hkdfsha256-aes256gcm-base.json",
                             "rfc9180-appendix-a-p256.json"})
        for (Vector& v : load(file)) out.push_back(std::move(v));
    return out;
}

hpke::PrivateKey derived_key(const Vector& v, hpke::Kem kem, const std::string& role) {
    hpke::PrivateKey key = hpke::PrivateKey::derive(kem, v.bytes("ikm" + role));
    CHECK(hex(key.serialize()) == v.setup.at("sk" + role + "m"));
    CHECK(hex(key.public_key().bytes()) == v.setup.at("pk" + role + "m"));
    return key;
}

void check_vector(const Vector& v) {
    INFO(v.name);
    const auto suite = hpke::find_suite(v.id("kem_id"), v.id("kdf_id"), v.id("aead_id"));
    REQUIRE(suite);
    const hpke::PrivateKey ephemeral = derived_key(v, suite->kem, "E");
    const hpke::PrivateKey recipient = derived_key(v, suite->kem, "R");
    std::optional<hpke::PrivateKey> sender_key;
    if (v.has("ikmS")) sender_key.emplace(derived_key(v, suite->kem, "S"));
    const Bytes psk = v.has("psk") ? v.bytes("psk") : Bytes{}, psk_id = v.has("psk_id") ? v.bytes("psk_id") : Bytes{};
    const Bytes info = v.bytes("info"), enc = v.bytes("enc");

    hpke::SenderOptions send_options;
    hpke::RecipientOptions receive_options;
    if (!psk.empty()) send_options.psk = receive_options.psk = hpke::Psk{psk, psk_id};
    if (sender_key) {
        send_options.sender = &*sender_key;
        receive_options.sender = &sender_key->public_key();
    }
    send_options.ephemeral = &ephemeral;

    hpke::Sender sender = hpke::setup_sender(*suite, recipient.public_key(), info, send_options);
    CHECK(hex(sender.enc) == hex(enc));
    CHECK(static_cast<int>(sender.context.mode()) == std::stoi(v.setup.at("mode")));
    hpke::RecipientContext receiver = hpke::setup_recipient(*suite, recipient, enc, info, receive_options);

    for (const Export& x : v.exports) {
        CHECK(hex(sender.context.export_secret(x.context, x.length)) == hex(x.value));
        CHECK(hex(receiver.export_secret(x.context, x.length)) == hex(x.value));
    }

    if (suite->aead == hpke::Aead::export_only) {
        CHECK(test::cxp::thrown_by([&] { sender.context.seal({}, {}); }).code() == Errc::usage);
        return;
    }
    CHECK(hex(sender.context.nonce()) == v.setup.at("base_nonce"));
    REQUIRE(v.encryptions.size() == 6);
    std::size_t next = 0;
    for (std::uint64_t seq = 0; next < v.encryptions.size(); ++seq) {
        REQUIRE(sender.context.sequence() == seq);
        const Encryption& e = v.encryptions[next];
        if (e.sequence != seq) {  // advance both ends past the numbers the RFC leaves out
            const Bytes filler = sender.context.seal({}, {});
            CHECK(receiver.open({}, filler).empty());
            continue;
        }
        INFO("sequence number " << seq);
        CHECK(hex(sender.context.nonce()) == hex(e.nonce));
        CHECK(hex(sender.context.seal(e.aad, e.pt)) == hex(e.ct));
        CHECK(hex(receiver.open(e.aad, e.ct)) == hex(e.pt));
        ++next;
    }

    const Encryption& first = v.encryptions.front();
    CHECK(hex(hpke::open(*suite, recipient, enc, info, first.aad, first.ct, receive_options)) == hex(first.pt));
    const hpke::Sealed sealed = hpke::seal(*suite, recipient.public_key(), info, first.aad, first.pt, send_options);
    CHECK(hex(sealed.enc) == hex(enc));
    CHECK(hex(sealed.ciphertext) == hex(first.ct));
}

}  // namespace

TEST_CASE("HPKE passes every RFC 9180 vector for the suites cxf implements", "[cxp][hpke]") {
    const std::vector<Vector> vectors = all_vectors();
    // X25519: A.1, A.2, A.7 in four modes and the derived AES-256-GCM Base; P-256: A.3 in four modes and A.4.1.
    REQUIRE(vectors.size() == 18);
    for (const Vector& v : vectors) check_vector(v);
}

TEST_CASE("HPKE generates working key pairs and random ephemerals", "[cxp][hpke]") {
    for (const hpke::Kem kem : {hpke::Kem::x25519_sha256, hpke::Kem::p256_sha256}) {
        const hpke::PrivateKey a = hpke::PrivateKey::generate(kem), b = hpke::PrivateKey::generate(kem);
        CHECK(a.public_key() != b.public_key());
        CHECK(a.public_key().bytes().size() == hpke::public_key_size(kem));
        const hpke::Suite suite{kem, hpke::Kdf::hkdf_sha384, hpke::Aead::chacha20_poly1305};
        const Bytes pt{1, 2, 3};
        const hpke::Sealed one = hpke::seal(suite, a.public_key(), {}, {}, pt);
        const hpke::Sealed two = hpke::seal(suite, a.public_key(), {}, {}, pt);
        CHECK(one.enc != two.enc);
        CHECK(one.ciphertext != two.ciphertext);
        CHECK(hex(hpke::open(suite, a, one.enc, {}, {}, one.ciphertext)) == "010203");
    }
}
