// SPDX-License-Identifier: MIT
// CXF JSON → model. Shape and syntax are checked here; meaning (id lengths, keys, dates, enums) is
// checked by cxf::validate.
#include <algorithm>
#include <ctime>
#include <map>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/cxf_json/item_path.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/cursor.h"
#include "cxf/model/credential_fields.h"

namespace cxf::cxf_json {

namespace {

using json::Cursor;
using json::Kind;

// Foundation's reference date (2001-01-01) in Unix seconds: a Unix time decoded with Apple's default
// date strategy and re-encoded as seconds since 1970 comes out this much too late.
constexpr Timestamp apple_date_offset = 978307200;
// Timestamps above this cannot be held exactly by JavaScript readers.
constexpr Timestamp largest_exact_double = Timestamp{1} << 53;

constexpr std::string_view cxf_member_names[] = {
    "accessors", "account", "accountId", "accounts", "algorithm", "androidApps", "birthDate", "birthPlace",
    "bundleId", "cardType", "certificate", "city", "collections", "content", "country", "creationAt",
    "creationDate", "credBlob", "credWithUV", "credWithoutUV", "credentialId", "credentials", "data", "decryptedSize",
    "digits", "documentNumber", "email", "expiryDate", "exporterDisplayName", "exporterRpId", "extensions", "favorite",
    "fido2Extensions", "fieldType", "fields", "fingerprint", "fullName", "generation", "given", "given2",
    "givenInformal", "hashAlg", "hidden", "hmacCredentials", "hmacSecret", "id", "identificationNumber", "integrityHash",
    "issueDate", "issuer", "issuingAuthority", "issuingCountry", "item", "items", "key", "keyComment",
    "keyGenerationSource", "keyType", "label", "largeBlob", "licenseClass", "licenseNumber", "major", "minor",
    "modifiedAt", "name", "nationalIdentificationNumber", "nationality", "networkSecurityType", "number", "passphrase", "passportNumber",
    "passportType", "password", "payments", "period", "permissions", "pin", "postalCode", "privateKey",
    "reference", "rpId", "scope", "secret", "sex", "ssid", "streetAddress", "subCollections",
    "subtitle", "surname", "surname2", "surnamePrefix", "tags", "tel", "territory", "timestamp",
    "title", "type", "uncompressedSize", "url", "urls", "userDisplayName", "userHandle", "username",
    "validFrom", "value", "verificationNumber", "version",
};

// Counts one tolerated quirk over the whole document and remembers where it was first seen.
struct Tally {
    std::size_t count = 0;
    std::string first;
    void add(const Cursor& at) {
        if (count++ == 0) first = at.pointer();
    }
};

class CxfReader {
public:
    CxfReader(const std::string& file, const ReadSettings& settings, Report& report)
        : file_(file), settings_(settings), report_(report),
          now_(settings.now != 0 ? settings.now : static_cast<Timestamp>(std::time(nullptr))) {}

    // `parse` parses the document into the tape, handing items off.
    Vault run(const std::function<void(json::Tape&, const json::Handoff&)>& parse) {
        json::Tape tape;
        tape.names = member_names();
        // Items are mapped as soon as each one is parsed and then dropped from the tape.
        std::map<std::int64_t, std::vector<Item>> pending;  // account index (-1: bare account) → items
        json::Handoff handoff{
            is_item_path,
            [&](const json::Tape& t, std::uint32_t index, const json::Path& path) {
                const std::string base = path.pointer();
                const std::int64_t account = path.depth() == 2 ? std::int64_t{-1} : std::int64_t{path.index(1)};
                pending[account].push_back(read_item(Cursor(t, index, base)));
            }};
        parse(tape, handoff);

        const std::string root_pointer;
        const Cursor root(tape, 0, root_pointer);
        if (!root.is_object())
            throw Error(Errc::malformed, {file_, ""}, "expected a CXF Header or Account object, got " + std::string(json::type_name(root)));

        Vault vault;
        if (root.find("accounts") || root.find("version") || root.find("exporterRpId")) {
            read_header(root, vault, pending);
        } else if (root.find("items") || root.find("collections")) {
            vault.bare_account = true;
            vault.accounts.push_back(read_account(root, pending[-1]));
            report_.changed("", "the document is a bare CXF Account (no Header); it is written inside a Header");
        } else {
            throw Error(Errc::unrecognized, {file_, ""},
                        "neither a CXF Header (no 'accounts' or 'version') nor a CXF Account (no 'items')");
        }
        report_tallies();
        return vault;
    }

    // A JSON array of extension objects, as items carry them.
    std::vector<Extension> extension_list(const Cursor& c) { return extensions(c); }

private:
    // --- diagnostics

    // A value that cannot be read at all: fatal unless collecting (validation mode).
    void unreadable(const Cursor& at, const std::string& message) {
        if (!settings_.collect_errors) throw Error(Errc::malformed, {file_, at.pointer()}, message);
        report_.error(at.pointer(), message);
    }
    void violation(const Cursor& at, const std::string& message) { report_.error(at.pointer(), message); }
    void unknown_member(const Cursor::Member& member) {
        report_.warning(member.value.pointer(), "unknown member '" + std::string(member.key) + "' ignored");
    }
    void require(const Cursor& object, std::initializer_list<std::string_view> names) {
        for (const std::string_view name : names) {
            const auto member = object.find(name);
            if (!member || member->is_null()) violation(object, "missing required member '" + std::string(name) + "'");
        }
    }
    void report_tallies() {
        if (apple_dates_.count)
            report_.changed(apple_dates_.first,
                            std::to_string(apple_dates_.count) +
                                " timestamp(s) were 978307200 s (31 years) in the future, the Apple date-offset bug; corrected");
        if (negative_dates_.count)
            report_.changed(negative_dates_.first, std::to_string(negative_dates_.count) +
                                                       " negative timestamp(s) (an exporter's 'unknown date') dropped");
        if (b64_quirks_.count)
            report_.changed(b64_quirks_.first, std::to_string(b64_quirks_.count) +
                                                   " base64url value(s) padded, non-canonical or in the standard alphabet; "
                                                   "written canonically");
        if (empty_ids_.count)
            report_.changed(empty_ids_.first,
                            std::to_string(empty_ids_.count) + " empty optional id(s) treated as absent");
        if (nulls_.count)
            report_.changed(nulls_.first, std::to_string(nulls_.count) + " member(s) with the value null treated as absent");
        if (stringified_.count)
            report_.changed(stringified_.first, std::to_string(stringified_.count) +
                                                    " EditableField value(s) were not strings; written as strings");
    }

    // --- typed values

    // null stands for "absent" (1Password writes "id": null); required members are checked by require().
    bool expect(const Cursor& c, Kind kind, std::string_view what) {
        if (c.is(kind) || (kind == Kind::uint64 && c.is(Kind::int64))) return true;
        if (c.is_null()) {
            nulls_.add(c);
            return false;
        }
        unreadable(c, "expected " + std::string(what) + ", got " + std::string(json::type_name(c)));
        return false;
    }
    bool object(const Cursor& c) { return expect(c, Kind::object, "an object"); }
    bool array(const Cursor& c) { return expect(c, Kind::array, "an array"); }

    std::optional<std::string> string(const Cursor& c) {
        if (!expect(c, Kind::string, "a string")) return std::nullopt;
        return std::string(c.string());
    }
    std::string string_or_empty(const Cursor& c) { return string(c).value_or(std::string()); }
    crypto::Secret secret(const Cursor& c) {
        if (!expect(c, Kind::string, "a string")) return {};
        return crypto::Secret(c.string());
    }
    std::optional<bool> boolean(const Cursor& c) {
        if (!expect(c, Kind::boolean, "true or false")) return std::nullopt;
        return c.boolean();
    }
    std::optional<std::uint64_t> unsigned_int(const Cursor& c, std::uint64_t max) {
        if (!c.is(Kind::uint64)) {
            if (c.is_null()) nulls_.add(c);
            else unreadable(c, "expected an unsigned integer, got " + std::string(json::type_name(c)));
            return std::nullopt;
        }
        if (c.uint64() > max) {
            unreadable(c, "integer is larger than " + std::to_string(max));
            return std::nullopt;
        }
        return c.uint64();
    }

    template <typename Out, typename Decode>
    std::optional<Out> decode_b64url(const Cursor& c, Decode decode) {
        if (!expect(c, Kind::string, "a base64url string")) return std::nullopt;
        encoding::Quirks quirks;
        auto bytes = decode(c.string(), &quirks);
        if (!bytes) {
            unreadable(c, "not valid base64url");
            return std::nullopt;
        }
        if (quirks.any()) b64_quirks_.add(c);
        return bytes;
    }
    std::optional<Bytes> b64url(const Cursor& c) {
        return decode_b64url<Bytes>(c, [](std::string_view t, encoding::Quirks* q) { return encoding::base64url_decode(t, q); });
    }
    crypto::SecureBytes b64url_secure(const Cursor& c) {
        auto bytes = decode_b64url<crypto::SecureBytes>(
            c, [](std::string_view t, encoding::Quirks* q) { return encoding::base64url_decode_secure(t, q); });
        return bytes ? std::move(*bytes) : crypto::SecureBytes{};
    }
    // An optional id: "" means absent (1Password writes "id": "" on EditableFields).
    Id optional_id(const Cursor& c) {
        if (c.is_string() && c.string().empty()) {
            empty_ids_.add(c);
            return {};
        }
        return b64url(c).value_or(Id{});
    }

    std::optional<Timestamp> time(const Cursor& c) {
        // Google Password Manager writes -11644473600 (the Windows FILETIME epoch) for "unknown".
        if (c.is(Kind::int64)) {
            negative_dates_.add(c);
            return std::nullopt;
        }
        const auto value = unsigned_int(c, static_cast<std::uint64_t>(INT64_MAX));
        if (!value) return std::nullopt;
        auto t = static_cast<Timestamp>(*value);
        if (t > largest_exact_double) report_.warning(c.pointer(), "timestamp above 2^53 cannot be exact in JavaScript");
        const Timestamp tomorrow = now_ + 86400;
        if (t > tomorrow && t - apple_date_offset <= tomorrow) {
            apple_dates_.add(c);
            t -= apple_date_offset;
        }
        return t;
    }

    template <typename T, typename ReadOne>
    std::vector<T> list(const Cursor& c, ReadOne read_one) {
        std::vector<T> out;
        if (!array(c)) return out;
        out.reserve(c.size());
        for (const Cursor element : c.elements()) out.push_back(read_one(element));
        return out;
    }
    std::vector<std::string> strings(const Cursor& c) {
        return list<std::string>(c, [&](const Cursor& e) { return string_or_empty(e); });
    }

    // --- extensions and fields

    std::vector<Extension> extensions(const Cursor& c) {
        return list<Extension>(c, [&](const Cursor& e) { return extension(e); });
    }

    Extension extension(const Cursor& c) {
        if (!object(c)) return RawExtension{};
        const auto name_member = c.find("name");
        if (!name_member) {
            violation(c, "missing required member 'name'");
            return RawExtension{"", json::to_json(c)};
        }
        std::string name = string_or_empty(*name_member);
        if (name != SharedExtension::name) return RawExtension{std::move(name), json::to_json(c)};
        SharedExtension shared;
        require(c, {"accessors"});
        for (const auto m : c.members()) {
            if (m.key == "name") continue;
            if (m.key == "accessors") shared.accessors = list<SharingAccessor>(m.value, [&](const Cursor& e) { return accessor(e); });
            else unknown_member(m);
        }
        return shared;
    }

    SharingAccessor accessor(const Cursor& c) {
        SharingAccessor a;
        if (!object(c)) return a;
        require(c, {"type", "accountId", "name", "permissions"});
        for (const auto m : c.members()) {
            if (m.key == "type") a.type = string_or_empty(m.value);
            else if (m.key == "accountId") a.account_id = b64url(m.value).value_or(Id{});
            else if (m.key == "name") a.name = string_or_empty(m.value);
            else if (m.key == "permissions") a.permissions = strings(m.value);
            else unknown_member(m);
        }
        return a;
    }

    EditableField field(const Cursor& c) {
        EditableField f;
        if (!object(c)) return f;
        require(c, {"fieldType", "value"});
        for (const auto m : c.members()) {
            if (m.key == "fieldType") {
                const std::string type = string_or_empty(m.value);
                if (const auto known = parse_field_type(type)) f.type = *known;
                else {
                    f.type = FieldType::other;
                    f.other_type = type;
                }
            } else if (m.key == "value") {
                f.value = field_value(m.value);
            } else if (m.key == "id") {
                f.id = optional_id(m.value);
            } else if (m.key == "label") {
                f.label = string(m.value);
            } else if (m.key == "extensions") {
                f.extensions = extensions(m.value);
            } else {
                unknown_member(m);
            }
        }
        return f;
    }

    // CXF values are always strings; a number or boolean is kept as its text and flagged.
    crypto::Secret field_value(const Cursor& c) {
        switch (c.kind()) {
            case Kind::string: return crypto::Secret(c.string());
            case Kind::boolean:
            case Kind::uint64:
            case Kind::int64:
            case Kind::number_double:
                stringified_.add(c);
                violation(c, "EditableField value must be a string, got " + std::string(json::type_name(c)));
                return json::to_json(c);
            case Kind::null: nulls_.add(c); return {};
            default: unreadable(c, "expected a string, got " + std::string(json::type_name(c))); return {};
        }
    }

    Field field_ptr(const Cursor& c) { return std::make_unique<EditableField>(field(c)); }

    // Reads `member` into T's EditableField member of that name; false when T has none.
    template <typename T>
    bool field_member(T& credential, const Cursor::Member& member) {
        for (const FieldMember<T>& spec : field_members<T>()) {
            if (spec.name != member.key) continue;
            credential.*spec.member = field_ptr(member.value);
            return true;
        }
        return false;
    }

    template <typename T>
    void require_fields(const Cursor& c, const T& credential) {
        for (const FieldMember<T>& spec : field_members<T>())
            if (spec.required && !(credential.*spec.member))
                violation(c, "missing required member '" + std::string(spec.name) + "'");
    }

    // --- credentials

    // `other(member)` reads a member that is not a field; false when it does not know it either.
    template <typename T, typename Other>
    T field_credential(const Cursor& c, Other other) {
        T credential;
        for (const auto m : c.members())
            if (m.key != "type" && !field_member(credential, m) && !other(m)) unknown_member(m);
        require_fields(c, credential);
        return credential;
    }
    template <typename T>
    T field_credential(const Cursor& c) {
        return field_credential<T>(c, [](const Cursor::Member&) { return false; });
    }

    // Drafts before 1.0 listed a login's URLs on its basic-auth credential; 1.0 has them in the
    // item's scope. They are collected in `urls` for the item to merge.
    BasicAuth basic_auth(const Cursor& c, std::vector<std::string>& urls) {
        return field_credential<BasicAuth>(c, [&](const Cursor::Member& m) {
            if (m.key != "urls") return false;
            const std::vector<std::string> listed = strings(m.value);
            urls.insert(urls.end(), listed.begin(), listed.end());
            report_.changed(m.value.pointer(), "pre-1.0 basic-auth 'urls' read as the item's scope 'urls'", "urls");
            return true;
        });
    }

    Credential credential(const Cursor& c, std::vector<std::string>& legacy_urls) {
        if (!object(c)) return UnknownCredential{};
        const auto type_member = c.find("type");
        if (!type_member || !type_member->is_string()) {
            violation(c, "a credential needs a string member 'type'");
            return UnknownCredential{"", json::to_json(c)};
        }
        const std::string_view type = type_member->string();
        if (type == BasicAuth::type_name) return basic_auth(c, legacy_urls);
        if (type == Passkey::type_name) return passkey(c);
        if (type == Totp::type_name) return totp(c);
        if (type == Note::type_name) return field_credential<Note>(c);
        if (type == File::type_name) return file(c);
        if (type == CreditCard::type_name) return field_credential<CreditCard>(c);
        if (type == Address::type_name) return field_credential<Address>(c);
        if (type == ApiKey::type_name) return field_credential<ApiKey>(c);
        if (type == CustomFields::type_name) return custom_fields(c);
        if (type == DriversLicense::type_name) return field_credential<DriversLicense>(c);
        if (type == GeneratedPassword::type_name) return generated_password(c);
        if (type == IdentityDocument::type_name) return field_credential<IdentityDocument>(c);
        if (type == ItemReference::type_name) return item_reference(c);
        if (type == Passport::type_name) return field_credential<Passport>(c);
        if (type == PersonName::type_name) return field_credential<PersonName>(c);
        if (type == SshKey::type_name) return ssh_key(c);
        if (type == Wifi::type_name) return field_credential<Wifi>(c);
        report_.note(c.pointer(), "credential type '" + std::string(type) + "' is not in CXF 1.0; kept as it is");
        return UnknownCredential{std::string(type), json::to_json(c)};
    }

    Passkey passkey(const Cursor& c) {
        Passkey p;
        require(c, {"credentialId", "rpId", "username", "userDisplayName", "userHandle", "key"});
        for (const auto m : c.members()) {
            if (m.key == "type") continue;
            if (m.key == "credentialId") p.credential_id = b64url(m.value).value_or(Bytes{});
            else if (m.key == "rpId") p.rp_id = string_or_empty(m.value);
            else if (m.key == "username") p.username = string_or_empty(m.value);
            else if (m.key == "userDisplayName") p.user_display_name = string_or_empty(m.value);
            else if (m.key == "userHandle") p.user_handle = b64url(m.value).value_or(Bytes{});
            else if (m.key == "key") p.key = b64url_secure(m.value);
            else if (m.key == "fido2Extensions") p.fido2_extensions = fido2_extensions(m.value);
            else unknown_member(m);
        }
        return p;
    }

    std::unique_ptr<Fido2Extensions> fido2_extensions(const Cursor& c) {
        auto ext = std::make_unique<Fido2Extensions>();
        if (!object(c)) return ext;
        for (const auto m : c.members()) {
            if (m.key == "hmacCredentials") {
                if (!object(m.value)) continue;
                HmacCredentials h;
                require(m.value, {"algorithm", "credWithUV", "credWithoutUV"});
                for (const auto hm : m.value.members()) {
                    if (hm.key == "algorithm") h.algorithm = string_or_empty(hm.value);
                    else if (hm.key == "credWithUV") h.cred_with_uv = b64url_secure(hm.value);
                    else if (hm.key == "credWithoutUV") h.cred_without_uv = b64url_secure(hm.value);
                    else unknown_member(hm);
                }
                ext->hmac_credentials = std::move(h);
            } else if (m.key == "hmacSecret") {
                ext->hmac_credentials = legacy_hmac_secret(m.value);
            } else if (m.key == "credBlob") {
                ext->cred_blob = b64url_secure(m.value);
            } else if (m.key == "largeBlob") {
                if (!object(m.value)) continue;
                LargeBlob blob;
                require(m.value, {"uncompressedSize", "data"});
                for (const auto bm : m.value.members()) {
                    if (bm.key == "uncompressedSize") blob.uncompressed_size = unsigned_int(bm.value, UINT64_MAX).value_or(0);
                    else if (bm.key == "data") blob.data = b64url(bm.value).value_or(Bytes{});
                    else unknown_member(bm);
                }
                ext->large_blob = std::move(blob);
            } else if (m.key == "payments") {
                ext->payments = boolean(m.value);
            } else {
                unknown_member(m);
            }
        }
        return ext;
    }

    // Drafts before 1.0 (and the spec's own Appendix A) had one `hmacSecret {algorithm, secret}`.
    // CXF 1.0 has separate secrets for use with and without user verification; the one old secret
    // served both, so it becomes both.
    HmacCredentials legacy_hmac_secret(const Cursor& c) {
        HmacCredentials h;
        if (!object(c)) return h;
        for (const auto m : c.members()) {
            if (m.key == "secret") {
                h.cred_with_uv = b64url_secure(m.value);
                h.cred_without_uv = h.cred_with_uv;
            } else if (m.key != "algorithm") {
                unknown_member(m);
            }
        }
        report_.changed(c.pointer(), "pre-1.0 'hmacSecret' read as 'hmacCredentials' (algorithm hmac-sha256; "
                                     "the one secret used both with and without user verification)", "hmacSecret");
        return h;
    }

    Totp totp(const Cursor& c) {
        Totp t;
        require(c, {"secret", "period", "digits", "algorithm"});
        for (const auto m : c.members()) {
            if (m.key == "type") continue;
            if (m.key == "secret") t.secret = secret(m.value);
            else if (m.key == "period") t.period = static_cast<std::uint16_t>(unsigned_int(m.value, UINT16_MAX).value_or(30));
            else if (m.key == "digits") t.digits = static_cast<std::uint16_t>(unsigned_int(m.value, UINT16_MAX).value_or(6));
            else if (m.key == "username") t.username = string(m.value);
            else if (m.key == "algorithm") t.algorithm = string_or_empty(m.value);
            else if (m.key == "issuer") t.issuer = string(m.value);
            else unknown_member(m);
        }
        return t;
    }

    File file(const Cursor& c) {
        File f;
        require(c, {"id", "name", "decryptedSize", "integrityHash"});
        for (const auto m : c.members()) {
            if (m.key == "type") continue;
            if (m.key == "id") f.id = b64url(m.value).value_or(Id{});
            else if (m.key == "name") f.name = string_or_empty(m.value);
            else if (m.key == "decryptedSize") f.decrypted_size = unsigned_int(m.value, UINT64_MAX).value_or(0);
            else if (m.key == "integrityHash") f.integrity_hash = b64url(m.value).value_or(Bytes{});
            else unknown_member(m);
        }
        return f;
    }

    CustomFields custom_fields(const Cursor& c) {
        CustomFields cf;
        require(c, {"fields"});
        for (const auto m : c.members()) {
            if (m.key == "type") continue;
            if (m.key == "id") cf.id = optional_id(m.value);
            else if (m.key == "label") cf.label = string(m.value);
            else if (m.key == "fields") cf.fields = list<EditableField>(m.value, [&](const Cursor& e) { return field(e); });
            else if (m.key == "extensions") cf.extensions = extensions(m.value);
            else unknown_member(m);
        }
        return cf;
    }

    GeneratedPassword generated_password(const Cursor& c) {
        GeneratedPassword g;
        require(c, {"password"});
        for (const auto m : c.members()) {
            if (m.key == "type") continue;
            if (m.key == "password") g.password = secret(m.value);
            else unknown_member(m);
        }
        return g;
    }

    ItemReference item_reference(const Cursor& c) {
        ItemReference r;
        require(c, {"reference"});
        for (const auto m : c.members()) {
            if (m.key == "type") continue;
            if (m.key == "reference") r.reference = linked_item(m.value);
            else unknown_member(m);
        }
        return r;
    }

    SshKey ssh_key(const Cursor& c) {
        SshKey k;
        require(c, {"keyType", "privateKey"});
        for (const auto m : c.members()) {
            if (m.key == "type") continue;
            if (m.key == "keyType") k.key_type = string_or_empty(m.value);
            else if (m.key == "privateKey") k.private_key = b64url_secure(m.value);
            else if (m.key == "keyComment") k.key_comment = string(m.value);
            else if (!field_member(k, m)) unknown_member(m);
        }
        return k;
    }

    // --- items, collections, accounts

    LinkedItem linked_item(const Cursor& c) {
        LinkedItem l;
        if (!object(c)) return l;
        require(c, {"item"});
        for (const auto m : c.members()) {
            if (m.key == "item") l.item = b64url(m.value).value_or(Id{});
            else if (m.key == "account") l.account = b64url(m.value);
            else unknown_member(m);
        }
        return l;
    }

    CredentialScope scope(const Cursor& c) {
        CredentialScope s;
        if (!object(c)) return s;
        require(c, {"urls", "androidApps"});
        for (const auto m : c.members()) {
            if (m.key == "urls") s.urls = strings(m.value);
            else if (m.key == "androidApps") s.android_apps = list<AndroidApp>(m.value, [&](const Cursor& e) { return android_app(e); });
            else unknown_member(m);
        }
        return s;
    }

    AndroidApp android_app(const Cursor& c) {
        AndroidApp app;
        if (!object(c)) return app;
        require(c, {"bundleId"});
        for (const auto m : c.members()) {
            if (m.key == "bundleId") app.bundle_id = string_or_empty(m.value);
            else if (m.key == "name") app.name = string(m.value);
            else if (m.key == "certificate") {
                if (!object(m.value)) continue;
                AndroidCertificate cert;
                require(m.value, {"fingerprint", "hashAlg"});
                for (const auto cm : m.value.members()) {
                    if (cm.key == "fingerprint") cert.fingerprint = b64url(cm.value).value_or(Bytes{});
                    else if (cm.key == "hashAlg") cert.hash_alg = string_or_empty(cm.value);
                    else unknown_member(cm);
                }
                app.certificate = std::move(cert);
            } else {
                unknown_member(m);
            }
        }
        return app;
    }

    Item read_item(const Cursor& c) {
        Item item;
        if (!object(c)) return item;
        require(c, {"id", "title", "credentials"});
        std::vector<std::string> legacy_urls;
        for (const auto m : c.members()) {
            if (m.key == "id") item.id = b64url(m.value).value_or(Id{});
            else if (m.key == "creationAt") item.creation_at = time(m.value);
            else if (m.key == "modifiedAt") item.modified_at = time(m.value);
            else if (m.key == "title") item.title = string_or_empty(m.value);
            else if (m.key == "subtitle") item.subtitle = string(m.value);
            else if (m.key == "favorite") item.favorite = boolean(m.value).value_or(false);
            else if (m.key == "scope") item.scope = scope(m.value);
            else if (m.key == "credentials")
                item.credentials = list<Credential>(m.value, [&](const Cursor& e) { return credential(e, legacy_urls); });
            else if (m.key == "tags") item.tags = strings(m.value);
            else if (m.key == "extensions") item_extensions(m.value, item);
            else unknown_member(m);
        }
        if (!legacy_urls.empty()) {
            if (!item.scope) item.scope = CredentialScope{};
            for (std::string& url : legacy_urls)
                if (std::find(item.scope->urls.begin(), item.scope->urls.end(), url) == item.scope->urls.end())
                    item.scope->urls.push_back(std::move(url));
        }
        return item;
    }

    // The history extension becomes Item::history; any other extension is kept as it is.
    void item_extensions(const Cursor& c, Item& item) {
        if (!array(c)) return;
        for (const Cursor e : c.elements()) {
            const auto name = e.is_object() ? e.find("name") : std::nullopt;
            if (!name || !name->is_string() || name->string() != history_extension_name) {
                item.extensions.push_back(extension(e));
                continue;
            }
            for (const auto m : e.members()) {
                if (m.key == "items") item.history = list<Item>(m.value, [&](const Cursor& h) { return read_item(h); });
                else if (m.key != "name") unknown_member(m);
            }
        }
    }

    Collection collection(const Cursor& c) {
        Collection col;
        if (!object(c)) return col;
        require(c, {"id", "title", "items"});
        for (const auto m : c.members()) {
            if (m.key == "id") col.id = b64url(m.value).value_or(Id{});
            else if (m.key == "creationAt") col.creation_at = time(m.value);
            else if (m.key == "modifiedAt") col.modified_at = time(m.value);
            else if (m.key == "title") col.title = string_or_empty(m.value);
            else if (m.key == "subtitle") col.subtitle = string(m.value);
            else if (m.key == "items") col.items = list<LinkedItem>(m.value, [&](const Cursor& e) { return linked_item(e); });
            else if (m.key == "subCollections") col.sub_collections = list<Collection>(m.value, [&](const Cursor& e) { return collection(e); });
            else if (m.key == "extensions") col.extensions = extensions(m.value);
            else unknown_member(m);
        }
        return col;
    }

    Account read_account(const Cursor& c, std::vector<Item>& items) {
        Account account;
        if (!object(c)) return account;
        require(c, {"id", "username", "email", "collections", "items"});
        for (const auto m : c.members()) {
            if (m.key == "id") account.id = b64url(m.value).value_or(Id{});
            else if (m.key == "username") account.username = string_or_empty(m.value);
            else if (m.key == "email") account.email = string_or_empty(m.value);
            else if (m.key == "fullName") account.full_name = string(m.value);
            else if (m.key == "collections") account.collections = list<Collection>(m.value, [&](const Cursor& e) { return collection(e); });
            else if (m.key == "items") array(m.value);  // its elements were mapped while parsing
            else if (m.key == "extensions") account.extensions = extensions(m.value);
            else unknown_member(m);
        }
        account.items = std::move(items);
        return account;
    }

    void read_header(const Cursor& root, Vault& vault, std::map<std::int64_t, std::vector<Item>>& pending) {
        require(root, {"version", "exporterRpId", "exporterDisplayName", "timestamp", "accounts"});
        for (const auto m : root.members()) {
            if (m.key == "version") read_version(m.value, vault.version);
            else if (m.key == "exporterRpId") vault.exporter_rp_id = string_or_empty(m.value);
            else if (m.key == "exporterDisplayName") vault.exporter_display_name = string_or_empty(m.value);
            else if (m.key == "timestamp") vault.timestamp = time(m.value);
            else if (m.key == "accounts") {
                if (!array(m.value)) continue;
                std::int64_t index = 0;
                for (const Cursor element : m.value.elements()) vault.accounts.push_back(read_account(element, pending[index++]));
            } else if (m.key == "items" || m.key == "id") {
                violation(m.value, "a Header has no member '" + std::string(m.key) + "' (Account members at the top level)");
            } else {
                unknown_member(m);
            }
        }
    }

    void read_version(const Cursor& c, Version& version) {
        if (c.is(Kind::uint64))
            throw Error(Errc::unsupported, {file_, c.pointer()},
                        "an integer version is a pre-1.0 CXF draft; only CXF 1.x is supported");
        if (!object(c)) return;
        require(c, {"major", "minor"});
        for (const auto m : c.members()) {
            if (m.key == "major") version.major = static_cast<std::uint8_t>(unsigned_int(m.value, 255).value_or(1));
            else if (m.key == "minor") version.minor = static_cast<std::uint8_t>(unsigned_int(m.value, 255).value_or(0));
            else unknown_member(m);
        }
        if (version.major != 1)
            throw Error(Errc::unsupported, {file_, c.pointer()},
                        "CXF major version " + std::to_string(version.major) + " is not supported (only 1.x)");
        if (version.minor > 0)
            report_.warning(c.pointer(), "CXF 1." + std::to_string(version.minor) +
                                             " is newer than 1.0: members unknown to 1.0 are reported and dropped");
    }

    const std::string& file_;
    const ReadSettings& settings_;
    Report& report_;
    Timestamp now_;
    Tally apple_dates_, negative_dates_, b64_quirks_, empty_ids_, stringified_, nulls_;
};

}  // namespace

std::span<const std::string_view> member_names() noexcept { return cxf_member_names; }

Vault read(const json::TextSource& text, const std::string& file, const ReadSettings& settings, Report& report) {
    return CxfReader(file, settings, report).run([&](json::Tape& tape, const json::Handoff& handoff) {
        json::parse(text, file, settings.limits, tape, &handoff);
    });
}

Vault read(std::string_view text, const std::string& file, const ReadSettings& settings, Report& report) {
    return CxfReader(file, settings, report).run([&](json::Tape& tape, const json::Handoff& handoff) {
        json::parse(text, file, settings.limits, tape, &handoff);
    });
}

std::vector<Extension> read_extensions(std::string_view json, const std::string& file, const ReadSettings& settings,
                                       Report& report) {
    json::Tape tape;
    tape.names = member_names();
    json::parse(json, file, settings.limits, tape);
    const std::string base;
    return CxfReader(file, settings, report).extension_list(Cursor(tape, 0, base));
}

}  // namespace cxf::cxf_json
