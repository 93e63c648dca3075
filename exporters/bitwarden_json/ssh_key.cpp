// SPDX-License-Identifier: MIT
// ssh-key (PKCS#8) → Bitwarden "sshKey": the OpenSSH private key text, the public key line and its
// SHA-256 fingerprint, all three required by Bitwarden's importer.
#include <algorithm>

#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

namespace {

// The base64 blob of an "ssh-ed25519 AAAA… comment" line.
std::string_view blob_text(std::string_view line) {
    const auto start = line.find(' ');
    if (start == std::string_view::npos) return {};
    const auto rest = line.substr(start + 1);
    return rest.substr(0, rest.find(' '));
}

}  // namespace

void write_ssh_key(json::Builder& out, const Cipher& c) {
    const auto kept = c.ext.find("sshKey");
    out.begin_object();
    if (!c.ssh_key) {
        // A key CXF could not carry (passphrase-protected, an unsupported type), kept whole.
        write_kept_members(out, c, "sshKey");
        out.end_object();
        return;
    }
    const SshKey& key = *c.ssh_key;
    const auto kept_text = [&](std::string_view name) -> std::optional<std::string_view> {
        const auto v = kept ? kept->find(name) : std::nullopt;
        return v && v->is_string() ? std::optional(v->string()) : std::nullopt;
    };

    out.key("privateKey");
    const auto pem = kept_text("privateKey");
    const auto pem_der = pem ? crypto::pkcs8_pem_to_der(*pem) : std::nullopt;
    if (pem_der && crypto::equal_ct(*pem_der, key.private_key)) {
        out.string(*pem);
    } else {
        std::optional<std::uint32_t> check;
        if (const auto v = kept ? kept->find("check") : std::nullopt; v && v->is(json::Kind::uint64))
            check = static_cast<std::uint32_t>(v->uint64());
        std::size_t width = 70;
        if (const auto v = kept ? kept->find("lineWidth") : std::nullopt; v && v->is(json::Kind::uint64) && v->uint64() > 0)
            width = static_cast<std::size_t>(std::min<std::uint64_t>(v->uint64(), 1024));
        const auto text = crypto::openssh_private_key(key.private_key, key.key_comment.value_or(""), check, width);
        out.string(text ? text->view() : std::string_view());
    }
    const Bytes blob = crypto::ssh_public_key_blob(key.private_key).value_or(Bytes());
    const std::string derived = crypto::ssh_public_key_line(blob);
    const auto public_key = kept_text("publicKey");
    const bool same_key = public_key && blob_text(*public_key) == blob_text(derived);
    member(out, "publicKey", same_key ? std::string(*public_key) : derived);
    const auto fingerprint = kept_text("keyFingerprint");
    member(out, "keyFingerprint", fingerprint && same_key ? std::string(*fingerprint) : crypto::ssh_fingerprint_sha256(blob));
    write_kept_members(out, c, "sshKey", {"check", "lineWidth", "privateKey", "publicKey", "keyFingerprint"});
    out.end_object();
}

}  // namespace cxf::bitwarden_json
