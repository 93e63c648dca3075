// SPDX-License-Identifier: MIT
// Bitwarden "sshKey" (OpenSSH private key text, public key line, fingerprint) → ssh-key with the
// key as PKCS#8. The public key and fingerprint follow from the private key; only spellings that
// differ from what cxf derives are kept.
#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

std::string_view why(crypto::OpenSshProblem problem) {
    switch (problem) {
        case crypto::OpenSshProblem::not_openssh: return "it is not an OpenSSH or PKCS#8 private key";
        case crypto::OpenSshProblem::malformed: return "the OpenSSH key is damaged";
        case crypto::OpenSshProblem::encrypted: return "the OpenSSH key is protected by a passphrase";
        case crypto::OpenSshProblem::unsupported_type: return "its key type has no PKCS#8 form";
    }
    return "";
}

}  // namespace

void read_ssh_key(const json::Cursor& object, Item& item, ItemSource& source) {
    std::optional<std::string_view> private_key, public_key, fingerprint;
    for (const auto m : object.members()) {
        if (m.key == "privateKey") private_key = source.string_or_null(m.value);
        else if (m.key == "publicKey") public_key = source.string_or_null(m.value);
        else if (m.key == "keyFingerprint" || m.key == "fingerprint") fingerprint = source.string_or_null(m.value);
        else source.keep("sshKey", m);
    }

    SshKey key;
    crypto::OpenSshParse parsed = crypto::parse_openssh_private_key(private_key.value_or(""));
    if (parsed.key) {
        key.private_key = std::move(parsed.key->pkcs8);
        key.key_type = parsed.key->key_type;
        if (!parsed.key->comment.empty()) key.key_comment = parsed.key->comment;
        source.extension().set_in("sshKey", "check", json_integer(parsed.key->check));
        if (parsed.key->line_width != 70)
            source.extension().set_in("sshKey", "lineWidth", json_integer(static_cast<std::int64_t>(parsed.key->line_width)));
    } else if (auto der = crypto::pkcs8_pem_to_der(private_key.value_or(""))) {
        const auto info = crypto::inspect_pkcs8(*der);
        key.key_type = std::string(info ? crypto::ssh_key_type_for(info->algorithm) : std::string_view());
        key.private_key = std::move(*der);
        source.extension().set_in("sshKey", "privateKey", json_string(*private_key));
    } else {
        // Kept whole, so writing Bitwarden again gives the key back even though CXF cannot carry it.
        for (const auto m : object.members()) source.keep("sshKey", m);
        source.report().changed(object.pointer(),
                                "SSH key kept as text in cxf.local/bitwarden: " + std::string(why(parsed.problem)) +
                                    (parsed.detail.empty() ? "" : " (" + parsed.detail + ")"),
                                "ssh-key");
        return;
    }
    const auto blob = crypto::ssh_public_key_blob(key.private_key);
    const std::string derived_public = blob ? crypto::ssh_public_key_line(*blob) : std::string();
    const std::string derived_fingerprint = blob ? crypto::ssh_fingerprint_sha256(*blob) : std::string();
    // A fingerprint is kept with its public key, so the exporter can tell it still belongs to the key.
    const bool odd_fingerprint = fingerprint && *fingerprint != derived_fingerprint;
    if (public_key && (*public_key != derived_public || odd_fingerprint))
        source.extension().set_in("sshKey", "publicKey", json_string(*public_key));
    if (odd_fingerprint) source.extension().set_in("sshKey", "keyFingerprint", json_string(*fingerprint));
    item.credentials.emplace_back(std::move(key));
}

}  // namespace cxf::bitwarden_json
