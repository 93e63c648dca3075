// SPDX-License-Identifier: MIT
// Bitwarden "login" → basic-auth (username, password), scope (uris), totp and passkeys.
#include "cxf/otp/otpauth.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

// Bitwarden's mobile apps save Android apps as URIs with this scheme.
constexpr std::string_view android_scheme = "androidapp://";

// Any match setting, an Android app or an empty URI makes the plain URI list say less than the
// export did, so the export's list is kept as it was.
void read_uris(const json::Cursor& uris, Item& item, ItemSource& source) {
    if (!source.array(uris)) return;
    CredentialScope scope;
    bool plain = true;
    for (const json::Cursor u : uris.elements()) {
        if (!source.object(u)) source.fail(u, "expected a URI object");
        for (const auto m : u.members()) {
            if (m.key == "uri") {
                const auto uri = source.text(m.value);
                if (!uri || uri->empty()) {
                    plain = false;
                } else if (uri->starts_with(android_scheme)) {
                    scope.android_apps.push_back({std::string(uri->substr(android_scheme.size())), std::nullopt, std::nullopt});
                    plain = false;
                } else {
                    scope.urls.emplace_back(*uri);
                }
            } else if (m.key == "match") {
                if (source.integer(m.value)) plain = false;
            } else {
                plain = false;
            }
        }
    }
    if (!plain) source.extension().set("uris", json::to_json(uris));
    if (!scope.urls.empty() || !scope.android_apps.empty()) item.scope = std::move(scope);
}

void read_totp(const json::Cursor& value, Item& item, ItemSource& source) {
    const auto text = source.text(value);
    if (!text || text->empty()) return;
    auto totp = otp::parse(*text);
    if (!totp) {
        source.extension().set_string("totp", *text);
        source.report().changed(value.pointer(),
                                "the TOTP is neither an otpauth:// URI nor a valid Base32 secret (a Steam code, a typo); "
                                "kept as text in cxf.local/bitwarden",
                                "totp");
        return;
    }
    const bool bare = !text->starts_with("otpauth:");
    const crypto::Secret again = bare && otp::is_plain(*totp) ? crypto::Secret(totp->secret.view()) : otp::to_uri(*totp);
    if (again.view() != *text) source.extension().set_string("totp", *text);
    item.credentials.emplace_back(std::move(*totp));
}

}  // namespace

void read_login(const json::Cursor& login, Item& item, ItemSource& source) {
    BasicAuth auth;
    std::vector<Passkey> passkeys;
    std::optional<json::Cursor> totp;
    for (const auto m : login.members()) {
        if (m.key == "username") auth.username = source.field(m.value, FieldType::string);
        else if (m.key == "password") auth.password = source.field(m.value, FieldType::concealed_string);
        else if (m.key == "uris") read_uris(m.value, item, source);
        else if (m.key == "totp") totp = m.value;
        else if (m.key == "fido2Credentials") {
            if (source.array(m.value))
                for (const json::Cursor credential : m.value.elements()) passkeys.push_back(read_passkey(credential, source));
        } else {
            source.keep("login", m);  // passwordRevisionDate, autofillOnPageLoad, …
        }
    }
    item.credentials.emplace_back(std::move(auth));
    if (totp) read_totp(*totp, item, source);
    for (Passkey& p : passkeys) item.credentials.emplace_back(std::move(p));
}

}  // namespace cxf::bitwarden_json
