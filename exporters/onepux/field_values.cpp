// SPDX-License-Identifier: MIT
#include "exporters/onepux/field_values.h"

#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "cxf/error.h"
#include "cxf/json/builder.h"
#include "cxf/json/document.h"
#include "cxf/json/extension.h"
#include "cxf/json/reader.h"
#include "cxf/onepassword/map/values.h"
#include "cxf/otp/otpauth.h"
#include "exporters/onepux/uuid.h"

namespace cxf::onepux::out {

namespace {

using onepassword::ValueKind;

template <typename F>
crypto::Secret value_of(std::string_view kind, F&& write) {
    json::Builder out;
    out.begin_object();
    out.key(kind);
    write(out);
    out.end_object();
    return out.take();
}

std::optional<json::Cursor> member(const json::Cursor* kept, std::string_view key) {
    return kept ? kept->find(key) : std::nullopt;
}

void email_object(json::Builder& out, std::string_view address, const json::Cursor* kept) {
    out.begin_object();
    out.key("email_address").string(address);
    out.key("provider");
    if (const auto provider = member(kept, "provider")) out.copy(*provider);
    else out.null();
    out.end_object();
}

bool same_totp(const Totp& a, const Totp& b) {
    return otp::same_secret(a.secret, b.secret) && a.period == b.period && a.digits == b.digits &&
           a.algorithm == b.algorithm && a.issuer == b.issuer && a.username == b.username;
}

// 1Password names key types without SSH's prefixes: "ed25519", "rsa", "ecdsa".
std::string_view short_key_type(std::string_view type) {
    if (type.starts_with("ssh-")) return type.substr(4);
    if (type.starts_with("ecdsa-")) return "ecdsa";
    return type;
}

// The outer privateKey: the OpenSSH text the export had (its check number and line width kept), other
// text it had, or the PKCS#8 PEM when it was that; an OpenSSH key (holding the comment) otherwise.
crypto::Secret outer_private_key(const SshKey& key, const crypto::Secret& pem, const json::Cursor* kept) {
    const std::string comment = key.key_comment.value_or("");
    std::optional<std::uint32_t> check;
    std::size_t width = 70;
    if (const auto number = member(kept, "opensshCheck")) {
        const auto c = json::to_int64(*number);
        const auto w = member(kept, "opensshLineWidth");
        const auto line = w ? json::to_int64(*w) : std::optional<std::int64_t>(70);
        if (c && line && *line > 0) {
            check = static_cast<std::uint32_t>(*c);
            width = static_cast<std::size_t>(*line);
        }
    } else if (const auto text = member(kept, "privateKey"); text && text->is_string()) {
        return crypto::Secret(text->string());
    } else if (member(kept, "metadata")) {
        return crypto::Secret(pem.view());
    }
    if (auto text = crypto::openssh_private_key(key.private_key, comment, check, width)) return std::move(*text);
    return crypto::Secret(pem.view());
}

}  // namespace

std::string_view kind_for(FieldType type) noexcept {
    switch (type) {
        case FieldType::concealed_string: return "concealed";
        case FieldType::email: return "email";
        case FieldType::date: return "date";
        case FieldType::year_month: return "monthYear";
        case FieldType::wifi_network_security_type: return "menu";
        default: return "string";
    }
}

std::optional<crypto::Secret> text_value(std::string_view kind, std::string_view text, const json::Cursor* kept) {
    switch (onepassword::value_kind(kind)) {
        case ValueKind::date: {
            const auto seconds = onepassword::date_seconds(text);
            if (!seconds) return std::nullopt;
            std::int64_t value = *seconds;
            if (const auto exact = member(kept, "seconds"))
                if (const auto s = json::to_int64(*exact); s && onepassword::date_text(*s) == text) value = *s;
            return value_of(kind, [&](json::Builder& out) { out.integer(value); });
        }
        case ValueKind::month_year: {
            const auto number = onepassword::month_year_number(text);
            if (!number) return std::nullopt;
            return value_of(kind, [&](json::Builder& out) { out.integer(*number); });
        }
        case ValueKind::email: return value_of(kind, [&](json::Builder& out) { email_object(out, text, kept); });
        case ValueKind::credit_card_type:
            return value_of(kind, [&](json::Builder& out) { out.string(onepassword::card_type_code(text)); });
        case ValueKind::address:
        case ValueKind::ssh_key:
        case ValueKind::file:
        case ValueKind::passkey: return std::nullopt;
        default: {
            // A country code the reader capitalised: its spelling in the export.
            if (const auto spelling = member(kept, "spelling"); spelling && spelling->is_string() &&
                                                                onepassword::country_code(spelling->string()) == text)
                text = spelling->string();
            return value_of(kind, [&](json::Builder& out) { out.string(text); });
        }
    }
}

crypto::Secret empty_value(std::string_view kind, const json::Cursor* kept) {
    switch (onepassword::value_kind(kind)) {
        case ValueKind::email: return value_of(kind, [&](json::Builder& out) { email_object(out, "", kept); });
        case ValueKind::date:
        case ValueKind::month_year:
        case ValueKind::address:
        case ValueKind::ssh_key:
        case ValueKind::file: return value_of(kind, [](json::Builder& out) { out.null(); });
        default: return value_of(kind, [](json::Builder& out) { out.string(""); });
    }
}

crypto::Secret json_or_string(std::string_view text) {
    try {
        const json::Document parsed(text, "value");
        return json::to_json(parsed.root());
    } catch (const Error&) {
        return json::json_string(text);
    }
}

crypto::Secret json_value(std::string_view kind, std::string_view text) {
    const crypto::Secret json = json_or_string(text);
    return value_of(kind, [&](json::Builder& out) { out.raw(json.view()); });
}

crypto::Secret totp_text(const Totp& totp, const json::Cursor* kept) {
    if (const auto text = member(kept, "value"); text && text->is_string())
        if (const auto parsed = otp::parse(text->string()); parsed && same_totp(*parsed, totp))
            return crypto::Secret(text->string());
    return otp::is_plain(totp) ? crypto::Secret(totp.secret.view()) : otp::to_uri(totp);
}

crypto::Secret address_value(const Address& address, const json::Cursor* kept) {
    const auto text = [](const Field& f) { return f ? f->value.view() : std::string_view(); };
    std::string_view country = text(address.country);
    if (const auto spelling = member(kept, "spelling"); spelling && spelling->is_string() &&
                                                        onepassword::country_code(spelling->string()) == country)
        country = spelling->string();
    return value_of("address", [&](json::Builder& out) {
        out.begin_object();
        out.key("street").string(text(address.street_address));
        out.key("city").string(text(address.city));
        out.key("country").string(country);
        out.key("zip").string(text(address.postal_code));
        out.key("state").string(text(address.territory));
        if (const auto extra = member(kept, "address"); extra && extra->is_object())
            for (const auto m : extra->members()) out.key(m.key).copy(m.value);
        out.end_object();
    });
}

crypto::Secret ssh_key_value(const SshKey& key, const json::Cursor* kept) {
    const crypto::Secret pem = crypto::pkcs8_der_to_pem(key.private_key);
    const crypto::Secret outer = outer_private_key(key, pem, kept);
    return value_of("sshKey", [&](json::Builder& out) {
        out.begin_object();
        out.key("privateKey").string(outer.view());
        const auto metadata = member(kept, "metadata");
        if (!kept || (metadata && metadata->is_object())) {  // an export without metadata gets none back
            out.key("metadata").begin_object();
            out.key("privateKey").string(pem.view());
            if (metadata) {
                for (const auto m : metadata->members()) out.key(m.key).copy(m.value);
            } else {
                if (const auto blob = crypto::ssh_public_key_blob(key.private_key)) {
                    out.key("publicKey").string(crypto::ssh_public_key_line(*blob));
                    out.key("fingerprint").string(crypto::ssh_fingerprint_sha256(*blob));
                }
                out.key("keyType").string(short_key_type(key.key_type));
            }
            out.end_object();
        }
        if (const auto extra = member(kept, "sshKey"); extra && extra->is_object())
            for (const auto m : extra->members()) out.key(m.key).copy(m.value);
        out.end_object();
    });
}

crypto::Secret file_value(const DocumentOut& document) {
    return value_of("file", [&](json::Builder& out) {
        out.begin_object();
        out.key("fileName").string(document.file_name);
        out.key("documentId").string(document.document_id);
        out.key("decryptedSize").unsigned_integer(document.size);
        out.end_object();
    });
}

crypto::Secret reference_value(const ItemReference& reference) {
    return value_of("reference", [&](json::Builder& out) { out.string(uuid_text(reference.reference.item)); });
}

}  // namespace cxf::onepux::out
