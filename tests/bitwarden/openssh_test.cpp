// SPDX-License-Identifier: MIT
// cxf/crypto/openssh against keys ssh-keygen made (testdata/bitwarden/openssh/make.sh): the private
// key becomes the same PKCS#8 OpenSSL writes, the public key line and fingerprint are ssh-keygen's,
// and writing the key back with its check integer gives ssh-keygen's file byte for byte.
#include <catch2/catch.hpp>

#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

std::string file(std::string_view name) { return test::read_text(test::testdata("bitwarden/openssh/" + std::string(name))); }

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

}  // namespace

TEST_CASE("OpenSSH private keys from ssh-keygen convert to PKCS#8 and back unchanged", "[bitwarden][openssh]") {
    const auto [name, type, comment] = GENERATE(table<std::string_view, std::string_view, std::string_view>({
        {"id_ed25519", "ssh-ed25519", "cxf test ed25519"},
        {"id_ecdsa256", "ecdsa-sha2-nistp256", "cxf test p256"},
        {"id_ecdsa384", "ecdsa-sha2-nistp384", "cxf test p384"},
        {"id_ecdsa521", "ecdsa-sha2-nistp521", "cxf test p521"},
        {"id_rsa", "ssh-rsa", "cxf test rsa"},
    }));
    CAPTURE(name);
    const std::string pem = file(name);
    const crypto::OpenSshParse parsed = crypto::parse_openssh_private_key(pem);
    REQUIRE(parsed.key);
    CHECK(parsed.key->key_type == type);
    CHECK(parsed.key->comment == comment);
    CHECK(parsed.key->line_width == 70);
    const auto info = crypto::inspect_pkcs8(parsed.key->pkcs8);
    REQUIRE(info);
    CHECK(info->consistent);

    const auto blob = crypto::ssh_public_key_blob(parsed.key->pkcs8);
    REQUIRE(blob);
    CHECK(crypto::ssh_public_key_line(*blob, comment) == trimmed(file(std::string(name) + ".pub")));
    CHECK(crypto::ssh_fingerprint_sha256(*blob) == trimmed(file(std::string(name) + ".fingerprint")));

    const auto again = crypto::openssh_private_key(parsed.key->pkcs8, comment, parsed.key->check);
    REQUIRE(again);
    CHECK(again->view() == pem);

    if (type != "ssh-ed25519") {  // ssh-keygen writes PKCS#8 for RSA and ECDSA only
        const auto der = crypto::pkcs8_pem_to_der(file(std::string(name) + ".pkcs8"));
        REQUIRE(der);
        CHECK(crypto::equal_ct(*der, parsed.key->pkcs8));
    }
}

TEST_CASE("OpenSSH keys that cannot become PKCS#8 say why", "[bitwarden][openssh]") {
    const auto encrypted = crypto::parse_openssh_private_key(file("id_ed25519_encrypted"));
    CHECK_FALSE(encrypted.key);
    CHECK(encrypted.problem == crypto::OpenSshProblem::encrypted);
    CHECK(encrypted.detail == "aes256-ctr");

    CHECK(crypto::parse_openssh_private_key("ssh-ed25519 AAAA").problem == crypto::OpenSshProblem::not_openssh);
    const std::string pem = file("id_ed25519");
    std::string damaged = pem;
    damaged[pem.find('\n') + 60] = damaged[pem.find('\n') + 60] == 'A' ? 'B' : 'A';
    CHECK_FALSE(crypto::parse_openssh_private_key(damaged).key);
    const std::string truncated = pem.substr(0, pem.find('\n') + 40) + "\n-----END OPENSSH PRIVATE KEY-----\n";
    CHECK(crypto::parse_openssh_private_key(truncated).problem == crypto::OpenSshProblem::malformed);
}

TEST_CASE("keys SSH cannot encode have no OpenSSH form", "[bitwarden][openssh]") {
    // A throwaway Ed448 key (openssl genpkey -algorithm ED448), a type OpenSSH does not support.
    const auto der = crypto::pkcs8_pem_to_der(
        "-----BEGIN PRIVATE KEY-----\n"
        "MEcCAQAwBQYDK2VxBDsEOUE/lf8Pa5AId9DqnB2hNL+F6tURfdWVGcL/xwgLKGs/\n"
        "2N+gwn+ZuJ/m2ScdVS9iDPSKQd0zCSDkLQ==\n"
        "-----END PRIVATE KEY-----\n");
    REQUIRE(der);
    REQUIRE(crypto::inspect_pkcs8(*der)->algorithm == crypto::KeyAlgorithm::ed448);
    CHECK_FALSE(crypto::openssh_private_key(*der, "", std::nullopt));
    CHECK_FALSE(crypto::ssh_public_key_blob(*der));
}

TEST_CASE("without a check integer the OpenSSH text is still the same for the same key", "[bitwarden][openssh]") {
    const auto parsed = crypto::parse_openssh_private_key(file("id_ecdsa384"));
    REQUIRE(parsed.key);
    const auto a = crypto::openssh_private_key(parsed.key->pkcs8, "c");
    const auto b = crypto::openssh_private_key(parsed.key->pkcs8, "c");
    REQUIRE((a && b));
    CHECK(a->view() == b->view());
    const auto back = crypto::parse_openssh_private_key(a->view());
    REQUIRE(back.key);
    CHECK(crypto::equal_ct(back.key->pkcs8, parsed.key->pkcs8));
}
