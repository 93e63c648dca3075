// SPDX-License-Identifier: MIT
// Model → CXF 1.0 JSON, strictly: version {1,0}, unpadded base64url, Unix seconds, string values,
// empty optional arrays left out, required arrays always present.
#include <algorithm>
#include <ctime>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/builder.h"
#include "cxf/json/render_ahead.h"
#include "cxf/model/credential_fields.h"

namespace cxf::cxf_json {

namespace {

// Chunks of a few hundred kilobytes of text.
constexpr std::size_t items_per_chunk = 256;
constexpr std::size_t linked_items_per_chunk = 4096;

class CxfWriter {
public:
    CxfWriter(json::Builder& writer, Report& report, Timestamp now, bool archive_index)
        : w_(writer), report_(report), now_(now), archive_index_(archive_index), place_(writer.place) {}

    void vault(const Vault& v) {
        w_.begin_object();
        key("version");
        w_.begin_object();
        key("major");
        w_.unsigned_integer(1);
        key("minor");
        w_.unsigned_integer(0);
        w_.end_object();
        member("exporterRpId", v.exporter_rp_id.empty() ? own_rp_id : std::string_view(v.exporter_rp_id));
        member("exporterDisplayName",
               v.exporter_display_name.empty() ? own_display_name : std::string_view(v.exporter_display_name));
        key("timestamp");
        w_.unsigned_integer(static_cast<std::uint64_t>(v.timestamp && *v.timestamp >= 0 ? *v.timestamp : now_));
        key("accounts");
        w_.begin_array();
        for (std::size_t i = 0; i < v.accounts.size(); ++i) {
            place_ = "/accounts/" + std::to_string(i);
            account(v.accounts[i], place_);
        }
        w_.end_array();
        w_.end_object();
    }

    void extension_list(const std::vector<Extension>& exts, std::string_view except) {
        w_.begin_array();
        for (const Extension& e : exts)
            if (except.empty() || extension_name(e) != except) extension(e);
        w_.end_array();
    }

private:
    // --- primitives

    void key(std::string_view k) { w_.key(k); }
    void str(std::string_view s) { w_.string(s); }
    void member(std::string_view k, std::string_view s) {
        key(k);
        str(s);
    }
    void optional_member(std::string_view k, const std::optional<std::string>& s) {
        if (s) member(k, *s);
    }
    void b64(std::string_view k, ByteView bytes) { member(k, encoding::base64url_encode_secret(bytes).view()); }
    void raw(const crypto::Secret& json) { w_.raw(json.view()); }
    void time(std::string_view k, const std::optional<Timestamp>& t, std::string_view item) {
        if (!t) return;
        if (*t < 0) {
            report_.lost_detail(Feature::timestamps, place_, std::string(item), std::string(k), "CXF has no dates before 1970");
            return;
        }
        key(k);
        w_.unsigned_integer(static_cast<std::uint64_t>(*t));
    }
    template <typename T, typename WriteOne>
    void list(std::string_view k, const std::vector<T>& values, WriteOne write_one, bool required = false) {
        if (values.empty() && !required) return;
        key(k);
        w_.begin_array();
        for (const T& v : values) write_one(v);
        w_.end_array();
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
        w_.begin_object();
        member("name", SharedExtension::name);
        list("accessors", shared.accessors, [&](const SharingAccessor& a) {
            w_.begin_object();
            member("type", a.type);
            b64("accountId", a.account_id);
            member("name", a.name);
            strings("permissions", a.permissions, true);
            w_.end_object();
        }, true);
        w_.end_object();
    }

    void field(const EditableField& f) {
        w_.begin_object();
        if (!f.id.empty()) b64("id", f.id);
        member("fieldType", f.type_name());
        member("value", f.value.view());
        optional_member("label", f.label);
        extensions(f.extensions);
        w_.end_object();
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
        w_.begin_object();
        member("type", credential_type(c));
        std::visit([&](const auto& typed) { body(typed, item); }, c);
        w_.end_object();
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
        w_.begin_object();
        if (ext.hmac_credentials) {
            key("hmacCredentials");
            w_.begin_object();
            member("algorithm", ext.hmac_credentials->algorithm);
            b64("credWithUV", ext.hmac_credentials->cred_with_uv);
            b64("credWithoutUV", ext.hmac_credentials->cred_without_uv);
            w_.end_object();
        }
        if (ext.cred_blob) b64("credBlob", *ext.cred_blob);
        if (ext.large_blob) {
            key("largeBlob");
            w_.begin_object();
            key("uncompressedSize");
            w_.unsigned_integer(ext.large_blob->uncompressed_size);
            b64("data", ext.large_blob->data);
            w_.end_object();
        }
        if (ext.payments) {
            key("payments");
            w_.boolean(*ext.payments);
        }
        w_.end_object();
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
        w_.unsigned_integer(t.period);
        key("digits");
        w_.unsigned_integer(t.digits);
        optional_member("username", t.username);
        member("algorithm", t.algorithm);
        optional_member("issuer", t.issuer);
    }

    void body(const File& f, const Item& item) {
        b64("id", f.id);
        member("name", f.name);
        key("decryptedSize");
        w_.unsigned_integer(f.decrypted_size);
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
        w_.begin_object();
        b64("item", l.item);
        if (l.account) b64("account", *l.account);
        w_.end_object();
    }

    void scope(const CredentialScope& s) {
        key("scope");
        w_.begin_object();
        strings("urls", s.urls, true);
        list("androidApps", s.android_apps, [&](const AndroidApp& app) {
            w_.begin_object();
            member("bundleId", app.bundle_id);
            if (app.certificate) {
                key("certificate");
                w_.begin_object();
                b64("fingerprint", app.certificate->fingerprint);
                member("hashAlg", app.certificate->hash_alg);
                w_.end_object();
            }
            optional_member("name", app.name);
            w_.end_object();
        }, true);
        w_.end_object();
    }

    void item(const Item& it, std::string base) {  // a copy: place_ changes below
        w_.begin_object();
        b64("id", it.id);
        time("creationAt", it.creation_at, it.title);
        time("modifiedAt", it.modified_at, it.title);
        member("title", it.title);
        optional_member("subtitle", it.subtitle);
        if (it.favorite) {
            key("favorite");
            w_.boolean(true);
        }
        if (it.scope) scope(*it.scope);
        key("credentials");
        w_.begin_array();
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
        w_.end_array();
        place_ = base;
        strings("tags", it.tags);
        if (!it.history.empty()) {
            key("extensions");
            w_.begin_array();
            for (const Extension& e : it.extensions) extension(e);
            history(it, base);
            w_.end_array();
        } else {
            extensions(it.extensions);
        }
        w_.end_object();
    }

    void history(const Item& it, const std::string& base) {
        w_.begin_object();
        member("name", history_extension_name);
        key("items");
        w_.begin_array();
        for (std::size_t i = 0; i < it.history.size(); ++i) item(it.history[i], base + "/history/" + std::to_string(i));
        w_.end_array();
        w_.end_object();
    }

    void collection(const Collection& c) {
        w_.begin_object();
        b64("id", c.id);
        time("creationAt", c.creation_at, c.title);
        time("modifiedAt", c.modified_at, c.title);
        member("title", c.title);
        optional_member("subtitle", c.subtitle);
        key("items");
        long_array(c.items.size(), linked_items_per_chunk, [&](CxfWriter& writer, std::size_t i) { writer.linked_item(c.items[i]); });
        list("subCollections", c.sub_collections, [&](const Collection& sub) { collection(sub); });
        extensions(c.extensions);
        w_.end_object();
    }

    // A long array is written with a second thread rendering most of it ahead (json::RenderAhead):
    // the notices keep their order, and the error raised is the first bad value's.
    template <typename WriteOne>
    void long_array(std::size_t count, std::size_t per_chunk, WriteOne write_one) {
        w_.begin_array();
        const std::size_t chunks = (count + per_chunk - 1) / per_chunk;
        const auto render = [&](std::size_t chunk, json::Builder& out, Report& report) {
            CxfWriter writer(out, report, now_, archive_index_);
            const std::size_t end = std::min(count, (chunk + 1) * per_chunk);
            for (std::size_t i = chunk * per_chunk; i < end; ++i) write_one(writer, i);
        };
        if (chunks == 1) {
            render(0, w_, report_);
        } else if (chunks > 1) {
            json::RenderAhead ahead(chunks, w_.layout(), w_.depth(), render);
            for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
                if (json::RenderAhead::helpers(chunk)) ahead.take(w_, report_);
                else render(chunk, w_, report_);
            }
        }
        w_.end_array();
    }

    void account(const Account& a, std::string base) {  // a copy: place_ changes below
        w_.begin_object();
        b64("id", a.id);
        member("username", a.username);
        member("email", a.email);
        optional_member("fullName", a.full_name);
        list("collections", a.collections, [&](const Collection& c) { collection(c); }, true);
        key("items");
        long_array(a.items.size(), items_per_chunk, [&](CxfWriter& writer, std::size_t i) {
            writer.place_ = base + "/items/" + std::to_string(i);
            writer.item(a.items[i], writer.place_);
        });
        place_ = base;
        extensions(a.extensions);
        w_.end_object();
    }

    json::Builder& w_;
    Report& report_;
    Timestamp now_;
    bool archive_index_;
    std::string& place_;  // the builder's: where a text that is not UTF-8 comes from
};

}  // namespace

crypto::Secret write_extensions(const std::vector<Extension>& extensions, std::string_view except) {
    const bool any = std::any_of(extensions.begin(), extensions.end(),
                                 [&](const Extension& e) { return except.empty() || extension_name(e) != except; });
    if (!any) return {};
    json::Builder out;
    Report unused;  // extensions lose nothing
    CxfWriter(out, unused, 0, false).extension_list(extensions, except);
    return out.take();
}

void write(const Vault& vault, io::Output& out, const WriteSettings& settings, Report& report) {
    const Timestamp now = settings.now != 0 ? settings.now : static_cast<Timestamp>(std::time(nullptr));
    json::Builder builder(out, settings.pretty ? json::Layout::indented : json::Layout::compact);
    CxfWriter(builder, report, now, settings.archive_index).vault(vault);
    builder.flush();
    out.write(as_bytes("\n"));
}

}  // namespace cxf::cxf_json
