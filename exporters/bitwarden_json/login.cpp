// SPDX-License-Identifier: MIT
// basic-auth, scope, totp and passkeys → Bitwarden "login" (uris, username, password, totp,
// fido2Credentials, as LoginExport orders them).
#include <algorithm>
#include <ctime>

#include "cxf/bitwarden/map/codec.h"
#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"
#include "cxf/encoding/rfc3339.h"
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

namespace {

// The importer's list, match settings included, when it still names the same URIs; otherwise the
// model's URIs with the match settings looked up by URI.
void write_uris(json::Builder& out, const Cipher& c, Report& report) {
    const std::vector<std::string> uris = scope_uris(c.item, c.place, report);
    const auto kept = c.ext.find("uris");
    out.key("uris");
    if (const auto same = kept_uris(uris, c.ext)) {
        out.copy(*same);
        return;
    }
    out.begin_array();
    for (const std::string& uri : uris) {
        out.begin_object();
        out.key("match");
        std::optional<json::Cursor> match;
        if (kept && kept->is_array())
            for (const json::Cursor u : kept->elements())
                if (const auto text = u.find("uri"); text && text->is_string() && text->string() == uri) {
                    match = u.find("match");
                    break;
                }
        if (match) out.copy(*match);
        else out.null();
        member(out, "uri", uri);
        out.end_object();
    }
    out.end_array();
}

std::optional<json::Cursor> kept_passkey(const Cipher& c, const Passkey& p) {
    const auto all = c.ext.find("passkeys");
    if (!all || !all->is_array()) return std::nullopt;
    for (const json::Cursor entry : all->elements()) {
        const auto id = entry.find("credentialId");
        if (!id || !id->is_string()) continue;
        if (const auto raw = parse_credential_id(id->string()); raw && *raw == p.credential_id) return entry;
    }
    return std::nullopt;
}

void write_passkey(json::Builder& out, const Cipher& c, const Passkey& p, Timestamp now, Report& report) {
    const auto key = crypto::inspect_pkcs8(p.key);
    if (!key || key->algorithm != crypto::KeyAlgorithm::ec_p256) {
        report.lost_detail(Feature::passkeys, c.place, c.item.title, "passkey",
                    "Bitwarden holds only ECDSA P-256 passkeys; this one is " + (key ? key->description : "unreadable") +
                        " (" + p.rp_id + ")");
        return;
    }
    if (p.fido2_extensions)
        report.lost_detail(Feature::passkeys, c.place, c.item.title, "fido2-extensions",
                    "Bitwarden keeps no passkey extension data (hmac-secret, credBlob, largeBlob, payments) (" + p.rp_id + ")");
    const auto kept = kept_passkey(c, p);
    const auto kept_member = [&](std::string_view name) { return kept ? kept->find(name) : std::nullopt; };
    const auto kept_or = [&](std::string_view name, std::string_view fallback) {
        out.key(name);
        if (const auto v = kept_member(name)) out.copy(*v);
        else out.string(fallback);
    };

    out.begin_object();
    const auto id = kept_member("credentialId");
    member(out, "credentialId", id ? std::string(id->string()) : format_credential_id(p.credential_id));
    kept_or("keyType", "public-key");
    kept_or("keyAlgorithm", "ECDSA");
    kept_or("keyCurve", "P-256");
    member(out, "keyValue", encoding::base64url_encode_secret(p.key).view());
    member(out, "rpId", p.rp_id);
    if (!p.user_handle.empty()) member(out, "userHandle", encoding::base64url_encode(p.user_handle));
    else if (kept_member("userHandle")) member(out, "userHandle", nullptr);
    if (const auto name = kept_member("userName"); name && p.username.empty()) member(out, "userName", nullptr);
    else member(out, "userName", p.username);
    kept_or("counter", "0");
    if (const auto rp_name = kept_member("rpName")) {
        out.key("rpName");
        out.copy(*rp_name);
    }
    if (const auto display = kept_member("userDisplayName"); display && p.user_display_name.empty())
        member(out, "userDisplayName", nullptr);
    else member(out, "userDisplayName", p.user_display_name);
    kept_or("discoverable", "true");
    const Timestamp created = c.item.creation_at.value_or(now);
    kept_or("creationDate", encoding::format_rfc3339(created, true));
    if (kept)
        for (const auto m : kept->members()) {
            static constexpr std::string_view written[] = {"credentialId", "keyType", "keyAlgorithm", "keyCurve",
                                                           "userHandle", "userName", "counter", "rpName",
                                                           "userDisplayName", "discoverable", "creationDate"};
            if (std::find(std::begin(written), std::end(written), m.key) != std::end(written)) continue;
            out.key(m.key);
            out.copy(m.value);
        }
    out.end_object();
}

}  // namespace

std::vector<std::string> scope_uris(const Item& item, const std::string& place, Report& report) {
    std::vector<std::string> uris;
    if (!item.scope) return uris;
    uris = item.scope->urls;
    for (const AndroidApp& app : item.scope->android_apps) {
        uris.push_back(std::string(android_scheme) + app.bundle_id);
        if (app.certificate || app.name)
            report.lost_detail(Feature::logins, place, item.title, "android-app:" + app.bundle_id,
                        "Bitwarden keeps an Android app as its package name only (no certificate or display name)");
    }
    return uris;
}

std::vector<std::string_view> uri_texts(const json::Cursor& list) {
    std::vector<std::string_view> out;
    for (const json::Cursor u : list.elements())
        if (const auto uri = u.find("uri"); uri && uri->is_string() && !uri->string().empty()) out.push_back(uri->string());
    return out;
}

std::optional<json::Cursor> kept_uris(const std::vector<std::string>& uris, const ExtensionView& ext) {
    const auto kept = ext.find("uris");
    if (!kept || !kept->is_array()) return std::nullopt;
    std::vector<std::string_view> before = uri_texts(*kept);
    std::vector<std::string_view> now(uris.begin(), uris.end());
    std::sort(before.begin(), before.end());
    std::sort(now.begin(), now.end());
    return before == now ? kept : std::nullopt;
}

void write_login(json::Builder& out, const Cipher& c, Timestamp now, Report& report) {
    static const Field none;
    out.begin_object();
    write_uris(out, c, report);
    member(out, "username", c.auth ? c.auth->username : none);
    member(out, "password", c.auth ? c.auth->password : none);
    out.key("totp");
    if (const auto totp = totp_text(c.totp, c.ext)) out.string(totp->view());
    else out.null();
    out.key("fido2Credentials");
    out.begin_array();
    for (const Passkey* p : c.passkeys) write_passkey(out, c, *p, now, report);
    out.end_array();
    write_kept_members(out, c, "login");
    out.end_object();
}

}  // namespace cxf::bitwarden_json
