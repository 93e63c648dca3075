// SPDX-License-Identifier: MIT
// Bitwarden "login" → basic-auth (username, password), scope (uris), totp and passkeys.
#include "cxf/otp/otpauth.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

// Any match setting, an Android app or an empty URI makes the plain URI list say less than the
// export did, so the export's list is kept as it was.
void read_uris(const json::Cursor& uris, Item& item, ItemSource& source) {
    if (!source.array_or_null(uris)) return;
    CredentialScope scope;
    bool plain = true;
    for (const json::Cursor u : uris.elements()) {
        if (!source.object_or_null(u)) source.fail(u, "expected a URI object");
        for (const auto m : u.members()) {
            if (m.key == "uri") {
                const auto uri = source.string_or_null(m.value);
                if (!uri || uri->empty() || !add_uri(scope, *uri)) plain = false;
            } else if (m.key == "match") {
                if (source.integer_or_null(m.value)) plain = false;
            } else {
                plain = false;
            }
        }
    }
    if (!plain) source.extension().set("uris", json::to_json(uris));
    if (!scope.urls.empty() || !scope.android_apps.empty()) item.scope = std::move(scope);
}

}  // namespace

bool add_uri(CredentialScope& scope, std::string_view uri) {
    if (!uri.starts_with(android_scheme)) {
        scope.urls.emplace_back(uri);
        return true;
    }
    scope.android_apps.push_back({std::string(uri.substr(android_scheme.size())), std::nullopt, std::nullopt});
    return false;
}

void read_totp(std::string_view text, Item& item, ExtensionBuilder& extension, Report& report, const std::string& place) {
    auto totp = otp::parse(text);
    if (!totp) {
        extension.set_string("totp", text);
        report.changed(place,
                       "the TOTP is neither an otpauth:// URI nor a valid Base32 secret (a Steam code, a typo); "
                       "kept as text in cxf.local/bitwarden",
                       "totp");
        return;
    }
    const bool bare = !text.starts_with("otpauth:");
    const crypto::Secret again = bare && otp::is_plain(*totp) ? crypto::Secret(totp->secret.view()) : otp::to_uri(*totp);
    if (again.view() != text) extension.set_string("totp", text);
    item.credentials.emplace_back(std::move(*totp));
}

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
            if (source.array_or_null(m.value))
                for (const json::Cursor credential : m.value.elements()) passkeys.push_back(read_passkey(credential, source));
        } else {
            source.keep("login", m);  // passwordRevisionDate, autofillOnPageLoad, …
        }
    }
    item.credentials.emplace_back(std::move(auth));
    if (const auto text = totp ? source.string_or_null(*totp) : std::nullopt; text && !text->empty())
        read_totp(*text, item, source.extension(), source.report(), totp->pointer());
    for (Passkey& p : passkeys) item.credentials.emplace_back(std::move(p));
}

}  // namespace cxf::bitwarden_json
