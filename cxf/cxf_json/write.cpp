// SPDX-License-Identifier: MIT
// Model → CXF 1.0 JSON, strictly: version {1,0}, unpadded base64url, Unix seconds, string values,
// empty optional arrays left out, required arrays always present.
#include <algorithm>
#include <ctime>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/writer.h"
#include "cxf/model/credential_fields.h"

namespace cxf::cxf_json {

namespace {

template <typename W>
class CxfWriter {
public:
    CxfWriter(W& writer, Report& report, Timestamp now, bool archive_index)
        : w_(writer), report_(report), now_(now), archive_index_(archive_index) {}

    void vault(const Vault& v) {
        w_.StartObject();
        key("version");
        w_.StartObject();
        key("major");
        w_.Uint(1);
        key("minor");
        w_.Uint(0);
        w_.EndObject();
        member("exporterRpId", v.exporter_rp_id.empty() ? own_rp_id : std::string_view(v.exporter_rp_id));
        member("exporterDisplayName",
               v.exporter_display_name.empty() ? own_display_name : std::string_view(v.exporter_display_name));
        key("timestamp");
        w_.Uint64(static_cast<std::uint64_t>(v.timestamp && *v.timestamp >= 0 ? *v.timestamp : now_));
        key("accounts");
        w_.StartArray();
        for (std::size_t i = 0; i < v.accounts.size(); ++i) {
            place_ = "/accounts/" + std::to_string(i);
            account(v.accounts[i], place_);
        }
        w_.EndArray();
        w_.EndObject();
    }

    void extension_list(const std::vector<Extension>& exts, std::string_view except) {
        w_.StartArray();
        for (const Extension& e : exts)
            if (except.empty() || extension_name(e) != except) extension(e);
        w_.EndArray();
    }

private:
    // --- primitives

    void key(std::string_view k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
    void str(std::string_view s) {
        if (!json::valid_utf8(s)) throw Error(Errc::invalid, {"", place_}, "text is not valid UTF-8");
        w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    }
    void member(std::string_view k, std::string_view s) {
        key(k);
        str(s);
    }
    void optional_member(std::string_view k, const std::optional<std::string>& s) {
        if (s) member(k, *s);
    }
    void b64(std::string_view k, ByteView bytes) { member(k, encoding::base64url_encode_secret(bytes).view()); }
    void raw(const crypto::Secret& json) {
        w_.RawValue(json.view().data(), json.size(), rapidjson::kObjectType);
    }
    void time(std::string_view k, const std::optional<Timestamp>& t, std::string_view item) {
        if (!t) return;
        if (*t < 0) {
            report_.lost_detail(Feature::timestamps, place_, std::string(item), std::string(k), "CXF has no dates before 1970");
            return;
        }
        key(k);
        w_.Uint64(static_cast<std::uint64_t>(*t));
    }
    template <typename T, typename WriteOne>
    void list(std::string_view k, const std::vector<T>& values, WriteOne write_one, bool required = false) {
        if (values.empty() && !required) return;
        key(k);
        w_.StartArray();
        for (const T& v : values) write_one(v);
        w_.EndArray();
    }
    void strings(std::string_view k, const std::vector<std::string>& values, bool required = false) {
        list(k, values, [&](const std::string& s) { str(s); }, required);
    }

    // --- extensions and fields

    void extensions(const std::vector<Extension>& exts) {
        list("extensions", exts, [&](const Extension& e) { extension(e); });
    }

    void extension(const Extension& e) {
        if (const auto* rawext = std::get_if<RawExtension>(&e)) {
            raw(rawext->json);
            return;
        }
        const auto& shared = std::get<SharedExtension>(e);
        w_.StartObject();
        member("name", SharedExtension::name);
        list("accessors", shared.accessors, [&](const SharingAccessor& a) {
            w_.StartObject();
            member("type", a.type);
            b64("accountId", a.account_id);
            member("name", a.name);
            strings("permissions", a.permissions, true);
            w_.EndObject();
        }, true);
        w_.EndObject();
    }

    void field(const EditableField& f) {
        w_.StartObject();
        if (!f.id.empty()) b64("id", f.id);
        member("fieldType", f.type_name());
        member("value", f.value.view());
        optional_member("label", f.label);
        extensions(f.extensions);
        w_.EndObject();
    }

    template <typename T>
    void field_members(const T& credential) {
        for (const FieldMember<T>& spec : cxf::field_members<T>()) {
            if (const Field& f = credential.*spec.member) {
                key(spec.name);
                field(*f);
            }
        }
    }

    // --- credentials

    void credential(const Credential& c, const Item& item) {
        if (const auto* unknown = std::get_if<UnknownCredential>(&c)) {
            raw(unknown->json);
            return;
        }
        w_.StartObject();
        member("type", credential_type(c));
        std::visit([&](const auto& typed) { body(typed, item); }, c);
        w_.EndObject();
    }

    template <typename T>
    void body(const T& credential, const Item&) {
        field_members(credential);
    }

    void body(const Passkey& p, const Item&) {
        b64("credentialId", p.credential_id);
        member("rpId", p.rp_id);
        member("username", p.username);
        member("userDisplayName", p.user_display_name);
        b64("userHandle", p.user_handle);
        b64("key", p.key);
        if (!p.fido2_extensions) return;
        const Fido2Extensions& ext = *p.fido2_extensions;
        key("fido2Extensions");
        w_.StartObject();
        if (ext.hmac_credentials) {
            key("hmacCredentials");
            w_.StartObject();
            member("algorithm", ext.hmac_credentials->algorithm);
            b64("credWithUV", ext.hmac_credentials->cred_with_uv);
            b64("credWithoutUV", ext.hmac_credentials->cred_without_uv);
            w_.EndObject();
        }
        if (ext.cred_blob) b64("credBlob", *ext.cred_blob);
        if (ext.large_blob) {
            key("largeBlob");
            w_.StartObject();
            key("uncompressedSize");
            w_.Uint64(ext.large_blob->uncompressed_size);
            b64("data", ext.large_blob->data);
            w_.EndObject();
        }
        if (ext.payments) {
            key("payments");
            w_.Bool(*ext.payments);
        }
        w_.EndObject();
    }

    void body(const Totp& t, const Item&) {
        key("secret");
        encoding::Quirks quirks;
        const auto decoded = encoding::base32_decode(t.secret.view(), &quirks);
        if (decoded && quirks.any() && !decoded->empty()) {
            const std::string canonical = encoding::base32_encode(*decoded);
            str(canonical);
            report_.changed(place_, "TOTP secret written as canonical Base32 (uppercase, no spaces or padding)", "totp");
        } else {
            str(t.secret.view());
        }
        key("period");
        w_.Uint(t.period);
        key("digits");
        w_.Uint(t.digits);
        optional_member("username", t.username);
        member("algorithm", t.algorithm);
        optional_member("issuer", t.issuer);
    }

    void body(const File& f, const Item& item) {
        b64("id", f.id);
        member("name", f.name);
        key("decryptedSize");
        w_.Uint64(f.decrypted_size);
        b64("integrityHash", f.integrity_hash);
        if (f.data && !archive_index_)
            report_.lost(Feature::attachments, place_, item.title, "attachment:" + f.name,
                         "CXF JSON describes a file but cannot hold its bytes; a CXF archive (cxf-archive, "
                         ".cxf.zip) or an encrypted .cxp keeps them");
    }

    void body(const CustomFields& cf, const Item&) {
        if (!cf.id.empty()) b64("id", cf.id);
        optional_member("label", cf.label);
        list("fields", cf.fields, [&](const EditableField& f) { field(f); }, true);
        extensions(cf.extensions);
    }

    void body(const GeneratedPassword& g, const Item&) { member("password", g.password.view()); }

    void body(const ItemReference& r, const Item&) {
        key("reference");
        linked_item(r.reference);
    }

    void body(const SshKey& k, const Item&) {
        member("keyType", k.key_type);
        b64("privateKey", k.private_key);
        optional_member("keyComment", k.key_comment);
        field_members(k);
    }

    void body(const UnknownCredential&, const Item&) {}

    // --- items, collections, accounts

    void linked_item(const LinkedItem& l) {
        w_.StartObject();
        b64("item", l.item);
        if (l.account) b64("account", *l.account);
        w_.EndObject();
    }

    void scope(const CredentialScope& s) {
        key("scope");
        w_.StartObject();
        strings("urls", s.urls, true);
        list("androidApps", s.android_apps, [&](const AndroidApp& app) {
            w_.StartObject();
            member("bundleId", app.bundle_id);
            if (app.certificate) {
                key("certificate");
                w_.StartObject();
                b64("fingerprint", app.certificate->fingerprint);
                member("hashAlg", app.certificate->hash_alg);
                w_.EndObject();
            }
            optional_member("name", app.name);
            w_.EndObject();
        }, true);
        w_.EndObject();
    }

    void item(const Item& it, std::string base) {  // a copy: place_ changes below
        w_.StartObject();
        b64("id", it.id);
        time("creationAt", it.creation_at, it.title);
        time("modifiedAt", it.modified_at, it.title);
        member("title", it.title);
        optional_member("subtitle", it.subtitle);
        if (it.favorite) {
            key("favorite");
            w_.Bool(true);
        }
        if (it.scope) scope(*it.scope);
        key("credentials");
        w_.StartArray();
        for (std::size_t i = 0; i < it.credentials.size(); ++i) {
            place_ = base + "/credentials/" + std::to_string(i);
            const auto* file = std::get_if<File>(&it.credentials[i]);
            if (archive_index_ && file && !file->data) {
                report_.lost(Feature::attachments, place_, it.title, "attachment:" + file->name,
                             "only the file's description was in the input; an archive holds no document for it");
                continue;
            }
            credential(it.credentials[i], it);
        }
        w_.EndArray();
        place_ = base;
        strings("tags", it.tags);
        if (!it.history.empty()) {
            key("extensions");
            w_.StartArray();
            for (const Extension& e : it.extensions) extension(e);
            history(it, base);
            w_.EndArray();
        } else {
            extensions(it.extensions);
        }
        w_.EndObject();
    }

    void history(const Item& it, const std::string& base) {
        w_.StartObject();
        member("name", history_extension_name);
        key("items");
        w_.StartArray();
        for (std::size_t i = 0; i < it.history.size(); ++i) item(it.history[i], base + "/history/" + std::to_string(i));
        w_.EndArray();
        w_.EndObject();
    }

    void collection(const Collection& c) {
        w_.StartObject();
        b64("id", c.id);
        time("creationAt", c.creation_at, c.title);
        time("modifiedAt", c.modified_at, c.title);
        member("title", c.title);
        optional_member("subtitle", c.subtitle);
        list("items", c.items, [&](const LinkedItem& l) { linked_item(l); }, true);
        list("subCollections", c.sub_collections, [&](const Collection& sub) { collection(sub); });
        extensions(c.extensions);
        w_.EndObject();
    }

    void account(const Account& a, std::string base) {  // a copy: place_ changes below
        w_.StartObject();
        b64("id", a.id);
        member("username", a.username);
        member("email", a.email);
        optional_member("fullName", a.full_name);
        list("collections", a.collections, [&](const Collection& c) { collection(c); }, true);
        key("items");
        w_.StartArray();
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            place_ = base + "/items/" + std::to_string(i);
            item(a.items[i], place_);
        }
        w_.EndArray();
        place_ = base;
        extensions(a.extensions);
        w_.EndObject();
    }

    W& w_;
    Report& report_;
    Timestamp now_;
    bool archive_index_;
    std::string place_;
};

template <typename W>
void write_with(W& writer, const Vault& vault, Report& report, Timestamp now, bool archive_index) {
    CxfWriter<W>(writer, report, now, archive_index).vault(vault);
}

}  // namespace

crypto::Secret write_extensions(const std::vector<Extension>& extensions, std::string_view except) {
    const bool any = std::any_of(extensions.begin(), extensions.end(),
                                 [&](const Extension& e) { return except.empty() || extension_name(e) != except; });
    if (!any) return {};
    crypto::Secret out;
    json::SecretStream stream(out);
    json::Writer<json::SecretStream> writer(stream);
    Report unused;  // extensions lose nothing
    CxfWriter<json::Writer<json::SecretStream>>(writer, unused, 0, false).extension_list(extensions, except);
    return out;
}

void write(const Vault& vault, io::Output& out, const WriteSettings& settings, Report& report) {
    const Timestamp now = settings.now != 0 ? settings.now : static_cast<Timestamp>(std::time(nullptr));
    json::OutputStream stream(out);
    if (settings.pretty) {
        json::PrettyWriter<json::OutputStream> writer(stream);
        writer.SetIndent(' ', 2);
        write_with(writer, vault, report, now, settings.archive_index);
    } else {
        json::Writer<json::OutputStream> writer(stream);
        write_with(writer, vault, report, now, settings.archive_index);
    }
    stream.Put('\n');
    stream.Flush();
}

}  // namespace cxf::cxf_json
