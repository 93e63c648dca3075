// SPDX-License-Identifier: MIT
// An sshKey value ({privateKey, metadata: {privateKey, publicKey, fingerprint, keyType}}) → ssh-key
// with the key as PKCS#8 DER. metadata.privateKey is PKCS#8 PEM; the outer privateKey's form varies
// (Bitwarden's importer notes), so it is read only when metadata has none. When the outer one is the
// same key in OpenSSH form, its comment is the key's and its check number and line width say how to
// write it again; any other outer text is kept as it is.
#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "importers/onepux/item_source.h"

namespace cxf::onepux {

namespace {

// PKCS#8 PEM or an OpenSSH private key → PKCS#8 DER and the key's comment.
std::optional<std::pair<crypto::SecureBytes, std::string>> pkcs8_of(std::string_view text) {
    if (auto der = crypto::pkcs8_pem_to_der(text)) return std::pair{std::move(*der), std::string()};
    crypto::OpenSshParse parsed = crypto::parse_openssh_private_key(text);
    if (parsed.key) return std::pair{std::move(parsed.key->pkcs8), std::move(parsed.key->comment)};
    return std::nullopt;
}

}  // namespace

SshKey read_ssh_key(const json::Cursor& value, ItemSource& source, json::Builder& skeleton) {
    source.expect(value, json::Kind::object);
    const auto outer = source.optional_string(value, "privateKey");
    const auto metadata = source.optional_object(value, "metadata");
    const auto inner = metadata ? source.optional_string(*metadata, "privateKey") : std::nullopt;
    const auto text = inner ? inner : outer;
    auto key = text ? pkcs8_of(*text) : std::nullopt;
    if (!key) source.fail(value, "the SSH key is neither PKCS#8 PEM nor an unencrypted OpenSSH private key");
    const auto info = crypto::inspect_pkcs8(key->first);
    const std::string_view key_type = info ? crypto::ssh_key_type_for(info->algorithm) : std::string_view();
    if (key_type.empty()) source.fail(value, "the SSH key's algorithm has no SSH name");

    if (outer && inner && *outer != *inner) {
        crypto::OpenSshParse openssh = crypto::parse_openssh_private_key(*outer);
        if (openssh.key && crypto::equal_ct(openssh.key->pkcs8, key->first)) {
            key->second = std::move(openssh.key->comment);
            skeleton.key("opensshCheck").integer(openssh.key->check);
            if (openssh.key->line_width != 70)
                skeleton.key("opensshLineWidth").integer(static_cast<std::int64_t>(openssh.key->line_width));
        } else {
            skeleton.key("privateKey").string(*outer);
        }
    }
    if (metadata) {
        skeleton.key("metadata").begin_object();
        for (const auto m : metadata->members())
            if (m.key != "privateKey") skeleton.key(m.key).copy(m.value);
        skeleton.end_object();
    }
    if (value.size() > (outer ? 1u : 0u) + (metadata ? 1u : 0u)) {
        skeleton.key("sshKey").begin_object();
        for (const auto m : value.members())
            if (m.key != "privateKey" && m.key != "metadata") skeleton.key(m.key).copy(m.value);
        skeleton.end_object();
    }

    SshKey ssh;
    ssh.key_type = std::string(key_type);
    ssh.private_key = std::move(key->first);
    if (!key->second.empty()) ssh.key_comment = std::move(key->second);
    return ssh;
}

}  // namespace cxf::onepux
