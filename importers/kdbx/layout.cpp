// SPDX-License-Identifier: MIT
#include "importers/kdbx/layout.h"

#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/cursor.h"
#include "cxf/kdbx/map/json.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/model/credential_fields.h"
#include "cxf/otp/otpauth.h"

namespace cxf::kdbx_map {

namespace {

// An attribute of a laid-out credential that no longer holds what cxf wrote there.
struct Unreadable {
    std::string message;
};

class LayoutReader {
public:
    LayoutReader(const JsonDoc& doc, EntrySource& source) : doc_(doc), source_(source) {}

    Credential credential(const json::Cursor& o) {
        const std::string_view type = doc_.optional_string(o, "type").value_or("");
        if (type == BasicAuth::type_name) return fields_of<BasicAuth>(o);
        if (type == Note::type_name) return fields_of<Note>(o);
        if (type == CreditCard::type_name) return fields_of<CreditCard>(o);
        if (type == Address::type_name) return fields_of<Address>(o);
        if (type == ApiKey::type_name) return fields_of<ApiKey>(o);
        if (type == DriversLicense::type_name) return fields_of<DriversLicense>(o);
        if (type == IdentityDocument::type_name) return fields_of<IdentityDocument>(o);
        if (type == Passport::type_name) return fields_of<Passport>(o);
        if (type == PersonName::type_name) return fields_of<PersonName>(o);
        if (type == Wifi::type_name) return fields_of<Wifi>(o);
        if (type == Totp::type_name) return totp(o);
        if (type == Passkey::type_name) return passkey(o);
        if (type == File::type_name) return file(o);
        if (type == CustomFields::type_name) return custom_fields(o);
        if (type == GeneratedPassword::type_name) {
            GeneratedPassword g;
            if (auto v = value(o, "key")) g.password = std::move(*v);
            return g;
        }
        if (type == ItemReference::type_name) return item_reference(o);
        if (type == SshKey::type_name) return ssh_key(o);
        if (type == opaque_type) return opaque(o);
        doc_.fail(o, "a credential type cxf writes");
    }

private:
    // The attribute named by member `member` of `o`, used up; nullopt when the entry lost it.
    std::optional<crypto::Secret> value(const json::Cursor& o, std::string_view member, bool* protect = nullptr) {
        const auto key = doc_.optional_string(o, member);
        if (!key) return std::nullopt;
        const auto i = source_.strings.find(*key);
        if (!i || source_.strings.used(*i)) return std::nullopt;
        source_.use(*i);
        if (protect) *protect = source_.strings.at(*i).protect;
        return source_.strings.at(*i).value.clone();
    }

    [[noreturn]] void bad(const json::Cursor& at, std::string_view member, std::string_view what) const {
        throw Unreadable{"attribute " + std::string(doc_.optional_string(at, member).value_or("")) + " no longer holds a " +
                         std::string(what) + ": kept as a custom field"};
    }

    Bytes decoded(const json::Cursor& o, std::string_view member, std::string_view what) {
        auto text = value(o, member);
        if (!text) return {};
        auto bytes = encoding::base64url_decode(text->view());
        if (!bytes) bad(o, member, what);
        return std::move(*bytes);
    }

    crypto::SecureBytes decoded_secret(const json::Cursor& o, std::string_view member, std::string_view what) {
        auto text = value(o, member);
        if (!text) return {};
        auto bytes = encoding::base64url_decode_secure(text->view());
        if (!bytes) bad(o, member, what);
        return std::move(*bytes);
    }

    // A field reference {"key", "fieldType"?, "label"?, "id"?}; `expected` when no fieldType is
    // given (nullopt: from the attribute's protection, as for custom fields).
    Field field(const json::Cursor& ref, std::optional<FieldType> expected) {
        bool protect = false;
        auto v = value(ref, "key", &protect);
        if (!v) return nullptr;
        auto f = std::make_unique<EditableField>();
        f->value = std::move(*v);
        if (const auto type = doc_.optional_string(ref, "fieldType")) {
            if (const auto known = parse_field_type(*type)) {
                f->type = *known;
            } else {
                f->type = FieldType::other;
                f->other_type = std::string(*type);
            }
        } else {
            f->type = expected.value_or(protect ? FieldType::concealed_string : FieldType::string);
        }
        if (const auto label = doc_.optional_string(ref, "label")) f->label = std::string(*label);
        if (const auto id = doc_.optional_string(ref, "id")) {
            auto bytes = encoding::base64url_decode(*id);
            if (!bytes) doc_.fail(ref, "a base64url id");
            f->id = std::move(*bytes);
        }
        f->extensions = extensions(ref);
        return f;
    }

    std::vector<Extension> extensions(const json::Cursor& o) {
        const auto list = o.find("extensions");
        if (!list) return {};
        Report report;
        cxf_json::ReadSettings settings;
        settings.collect_errors = true;
        std::vector<Extension> out = cxf_json::read_extensions(json::to_json(*list).view(), "layout", settings, report);
        if (report.has_errors()) throw Unreadable{"extensions in the entry's layout are damaged: " + report.first_error()->message};
        return out;
    }

    // The attribute must still hold a JSON object of that type: it goes into CXF output verbatim.
    UnknownCredential opaque(const json::Cursor& o) {
        UnknownCredential u;
        u.type = std::string(doc_.optional_string(o, "credentialType").value_or(""));
        auto v = value(o, "key");
        if (!v) bad(o, "key", "credential");
        try {
            json::Tape tape;
            json::parse(v->view(), "attribute", {}, tape);
            const std::string base;
            const json::Cursor root(tape, 0, base);
            const auto type = root.find("type");
            if (!type || !type->is_string() || type->string() != u.type) bad(o, "key", u.type + " credential");
        } catch (const Error&) {
            bad(o, "key", u.type + " credential");
        }
        u.json = std::move(*v);
        return u;
    }

    template <typename T>
    T fields_of(const json::Cursor& o) {
        T credential;
        for (const FieldMember<T>& m : field_members<T>())
            if (const auto ref = doc_.optional_object(o, m.name)) credential.*m.member = field(*ref, m.expected);
        return credential;
    }

    Totp totp(const json::Cursor& o) {
        const auto uri = value(o, "key");
        std::optional<Totp> t = uri ? otp::parse_uri(uri->view()) : std::nullopt;
        if (!t) bad(o, "key", "TOTP URI");
        const auto username = doc_.optional_string(o, "username"), issuer = doc_.optional_string(o, "issuer");
        t->username = username ? std::optional<std::string>(*username) : std::nullopt;
        t->issuer = issuer ? std::optional<std::string>(*issuer) : std::nullopt;
        return std::move(*t);
    }

    Passkey passkey(const json::Cursor& o) {
        Passkey p;
        p.credential_id = decoded(o, "credentialId", "credential id");
        if (auto rp = value(o, "rpId")) p.rp_id = std::string(rp->view());
        if (auto user = value(o, "username")) p.username = std::string(user->view());
        p.user_display_name = std::string(doc_.optional_string(o, "displayName").value_or(""));
        p.user_handle = decoded(o, "userHandle", "user handle");
        if (auto pem = value(o, "key")) {
            auto der = crypto::pkcs8_pem_to_der(pem->view());
            if (!der) bad(o, "key", "private key");
            p.key = std::move(*der);
        }
        if (const auto flags = doc_.optional_array(o, "flags"))
            for (const json::Cursor k : flags->elements())
                if (const auto i = source_.strings.find(doc_.string(k)); i && !source_.strings.used(*i)) source_.use(*i);
        const auto hmac = doc_.optional_object(o, "hmac");
        const auto blob = doc_.optional_object(o, "largeBlob");
        const auto payments = doc_.optional_boolean(o, "payments");
        if (!hmac && !blob && !payments && !o.find("credBlob")) return p;
        p.fido2_extensions = std::make_unique<Fido2Extensions>();
        if (hmac) {
            HmacCredentials h;
            h.algorithm = std::string(doc_.optional_string(*hmac, "algorithm").value_or("hmac-sha256"));
            h.cred_with_uv = decoded_secret(*hmac, "withUv", "hmac secret");
            h.cred_without_uv = decoded_secret(*hmac, "withoutUv", "hmac secret");
            p.fido2_extensions->hmac_credentials = std::move(h);
        }
        if (o.find("credBlob")) p.fido2_extensions->cred_blob = decoded_secret(o, "credBlob", "credBlob");
        if (blob) {
            LargeBlob large;
            large.uncompressed_size = static_cast<std::uint64_t>(doc_.optional_integer(*blob, "size").value_or(0));
            large.data = decoded(*blob, "data", "large blob");
            p.fido2_extensions->large_blob = std::move(large);
        }
        p.fido2_extensions->payments = payments;
        return p;
    }

    File file(const json::Cursor& o) {
        Id id;
        if (const auto text = doc_.optional_string(o, "id")) {
            auto bytes = encoding::base64url_decode(*text);
            if (!bytes) doc_.fail(o, "a base64url id");
            id = std::move(*bytes);
        }
        if (const auto key = doc_.optional_string(o, "key")) {
            for (std::size_t i = 0; i < source_.entry.binaries.size(); ++i) {
                if (source_.binary_used[i] || source_.entry.binaries[i].key != *key) continue;
                File f = read_attachment(source_, i, std::move(id));
                // Attachment names are unique in an entry; the file's own name may not have been.
                if (const auto name = doc_.optional_string(o, "name")) f.name = std::string(*name);
                return f;
            }
        }
        File f;
        f.id = std::move(id);
        f.name = std::string(doc_.optional_string(o, "name").value_or(""));
        f.decrypted_size = static_cast<std::uint64_t>(doc_.optional_integer(o, "size").value_or(0));
        if (const auto hash = doc_.optional_string(o, "hash")) {
            auto bytes = encoding::base64url_decode(*hash);
            if (!bytes) doc_.fail(o, "a base64url hash");
            f.integrity_hash = std::move(*bytes);
        }
        return f;
    }

    CustomFields custom_fields(const json::Cursor& o) {
        CustomFields c;
        if (const auto text = doc_.optional_string(o, "id")) {
            auto bytes = encoding::base64url_decode(*text);
            if (!bytes) doc_.fail(o, "a base64url id");
            c.id = std::move(*bytes);
        }
        if (const auto label = doc_.optional_string(o, "label")) c.label = std::string(*label);
        if (const auto fields = doc_.optional_array(o, "fields"))
            for (const json::Cursor ref : fields->elements())
                if (Field f = field(ref, std::nullopt)) c.fields.push_back(std::move(*f));
        c.extensions = extensions(o);
        return c;
    }

    ItemReference item_reference(const json::Cursor& o) {
        ItemReference r;
        if (const auto text = doc_.optional_string(o, "item")) r.reference.item = encoding::base64url_decode(*text).value_or(Bytes{});
        if (const auto text = doc_.optional_string(o, "account")) r.reference.account = encoding::base64url_decode(*text).value_or(Bytes{});
        value(o, "key");
        return r;
    }

    SshKey ssh_key(const json::Cursor& o) {
        SshKey k = fields_of<SshKey>(o);
        k.key_type = std::string(doc_.optional_string(o, "keyType").value_or(""));
        if (auto text = value(o, "privateKey")) {
            if (text->view().find("BEGIN OPENSSH PRIVATE KEY") != std::string_view::npos) {
                auto parsed = crypto::parse_openssh_private_key(text->view());
                if (!parsed.key) bad(o, "privateKey", "OpenSSH private key");
                k.private_key = std::move(parsed.key->pkcs8);
            } else {
                auto der = crypto::pkcs8_pem_to_der(text->view());
                if (!der) bad(o, "privateKey", "private key");
                k.private_key = std::move(*der);
            }
        }
        if (auto comment = value(o, "comment")) k.key_comment = std::string(comment->view());
        return k;
    }

    const JsonDoc& doc_;
    EntrySource& source_;
};

Id id_member(const JsonDoc& doc, const json::Cursor& o, std::string_view key) {
    auto bytes = encoding::base64url_decode(doc.optional_string(o, key).value_or(""));
    if (!bytes) doc.fail(*o.find(key), "a base64url id");
    return std::move(*bytes);
}

}  // namespace

ItemLayout read_layout(std::string_view json, EntrySource& source) {
    const JsonDoc doc(json, "CustomData " + std::string(item_layout_key));
    const json::Cursor& o = doc.root();
    ItemLayout layout;
    if (o.find("id")) layout.id = id_member(doc, o, "id");
    if (const auto subtitle = doc.optional_string(o, "subtitle")) layout.subtitle = std::string(*subtitle);
    layout.favorite = doc.optional_boolean(o, "favorite").value_or(false);
    layout.has_creation = doc.optional_boolean(o, "created").value_or(true);
    layout.has_modification = doc.optional_boolean(o, "modified").value_or(true);
    layout.empty_scope = doc.optional_boolean(o, "scope").value_or(false);
    if (const auto tags = doc.optional_array(o, "tags")) {
        layout.tags.emplace();
        for (const json::Cursor t : tags->elements()) layout.tags->emplace_back(doc.string(t));
    }
    if (const auto position = doc.optional_integer(o, "position"); position && *position >= 0)
        layout.position = static_cast<std::size_t>(*position);
    if (const auto apps = doc.optional_array(o, "androidApps")) {
        for (const json::Cursor a : apps->elements()) {
            if (!a.is_object()) doc.fail(a, "an object");
            AppExtras extras;
            if (const auto name = doc.optional_string(a, "name")) extras.name = std::string(*name);
            if (const auto cert = doc.optional_object(a, "certificate")) {
                AndroidCertificate c;
                c.fingerprint = id_member(doc, *cert, "fingerprint");
                c.hash_alg = std::string(doc.optional_string(*cert, "hashAlg").value_or(""));
                extras.certificate = std::move(c);
            }
            layout.apps.push_back(std::move(extras));
        }
    }
    if (const auto credentials = doc.optional_array(o, "credentials")) {
        LayoutReader reader(doc, source);
        for (const json::Cursor c : credentials->elements()) {
            if (!c.is_object()) doc.fail(c, "a credential");
            const std::size_t mark = source.written_order.size();
            try {
                layout.credentials.push_back(reader.credential(c));
            } catch (const Unreadable& u) {
                for (std::size_t i = mark; i < source.written_order.size(); ++i) source.strings.release(source.written_order[i]);
                source.written_order.resize(mark);
                layout.problems.push_back(u.message);
            }
        }
    }
    return layout;
}

}  // namespace cxf::kdbx_map
