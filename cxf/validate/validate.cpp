// SPDX-License-Identifier: MIT
#include "cxf/validate/validate.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"
#include "cxf/model/credential_fields.h"

namespace cxf {

namespace {

constexpr std::size_t max_id_bytes = 64;

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool all_upper(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A JSON-style decimal number: -?digits(.digits)?([eE][+-]?digits)?
bool valid_number(std::string_view s) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i > start;
    };
    if (i < s.size() && s[i] == '-') ++i;
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == s.size();
}

bool known_wifi_security(std::string_view s) {
    return s == "unsecured" || s == "wpa-personal" || s == "wpa2-personal" || s == "wpa3-personal" || s == "wep";
}

bool known_permission(std::string_view p) {
    return p == "read" || p == "readSecret" || p == "update" || p == "create" || p == "delete" || p == "share" ||
           p == "manage";
}

// A JSON pointer, spelled out only when something is reported: validating a vault visits every
// field, and building each one's pointer was two thirds of the validation's work. A place refers to
// its parent, so it must not outlive it: pass `base / "key"` as an argument, or name each level.
class Place {
public:
    explicit Place(std::string_view root) : key_(root) {}
    Place(const Place& parent, std::string_view key) : parent_(&parent), key_(key) {}
    Place(const Place& parent, std::size_t index) : parent_(&parent), index_(index), is_index_(true) {}

    Place operator/(std::string_view key) const { return Place(*this, key); }
    Place operator/(std::size_t index) const { return Place(*this, index); }

    std::string str() const {
        std::string out = parent_ ? parent_->str() : std::string();
        if (parent_) out += '/';
        out += is_index_ ? std::to_string(index_) : std::string(key_);
        return out;
    }

private:
    const Place* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = 0;
    bool is_index_ = false;
};

class Validator {
    using IdPlaces = std::unordered_map<std::string_view, std::string>;  // id bytes → first place

public:
    explicit Validator(Report& report) : report_(report) {}

    void vault(const Vault& v) {
        const Place root("");
        if (!v.bare_account) {
            if (v.exporter_rp_id.empty()) warning(root / "exporterRpId", "exporterRpId is empty");
            if (v.exporter_display_name.empty()) warning(root / "exporterDisplayName", "exporterDisplayName is empty");
        }
        const Place accounts = root / "accounts";
        for (std::size_t i = 0; i < v.accounts.size(); ++i) {
            if (v.bare_account) account(v.accounts[i], root, v);
            else account(v.accounts[i], accounts / i, v);
        }
    }

private:
    void error(const Place& place, std::string message) { report_.error(place.str(), std::move(message)); }
    void warning(const Place& place, std::string message) { report_.warning(place.str(), std::move(message)); }

    void id(const Id& value, const Place& place, bool required) {
        if (value.empty()) {
            if (required) error(place, "id is empty");
        } else if (value.size() > max_id_bytes) {
            error(place, "id is " + std::to_string(value.size()) + " bytes; CXF allows at most 64");
        }
    }

    // Ids of one kind must be unique within the account.
    void unique(IdPlaces& seen, const Id& value, const Place& place, std::string_view what) {
        if (value.empty()) return;
        const auto [it, inserted] = seen.try_emplace(as_text(value));
        if (inserted) it->second = place.str();
        else not_unique(place, what, it->second);
    }
    void not_unique(const Place& place, std::string_view what, const std::string& first) {
        error(place, std::string(what) + " id is not unique in the account (also at " + first + ")");
    }

    void account(const Account& a, const Place& base, const Vault& v) {
        id(a.id, base / "id", true);
        item_ids_.clear();
        collection_ids_.clear();
        file_ids_.clear();
        const Place items = base / "items";
        for (std::size_t i = 0; i < a.items.size(); ++i) {
            if (a.items[i].id.empty()) continue;
            const auto [it, inserted] = item_ids_.emplace(as_text(a.items[i].id), i);
            if (!inserted) not_unique(items / i / "id", "item", (items / it->second / "id").str());
        }
        for (std::size_t i = 0; i < a.items.size(); ++i) item(a.items[i], items / i, a, v);
        const Place collections = base / "collections";
        for (std::size_t i = 0; i < a.collections.size(); ++i) collection(a.collections[i], collections / i, a, v);
        extensions(a.extensions, base, false);
    }

    void collection(const Collection& c, const Place& base, const Account& a, const Vault& v) {
        const Place id_place = base / "id";
        id(c.id, id_place, true);
        unique(collection_ids_, c.id, id_place, "collection");
        const Place items = base / "items";
        for (std::size_t i = 0; i < c.items.size(); ++i) linked_item(c.items[i], items / i, a, v);
        const Place subs = base / "subCollections";
        for (std::size_t i = 0; i < c.sub_collections.size(); ++i) collection(c.sub_collections[i], subs / i, a, v);
        extensions(c.extensions, base, true);
    }

    // A LinkedItem may name an item absent from this export (CXF §LinkedItem), so an unresolved
    // reference is a warning, not an error.
    void linked_item(const LinkedItem& l, const Place& base, const Account& a, const Vault& v) {
        id(l.item, base / "item", true);
        if (l.account) id(*l.account, base / "account", false);
        const Account* target = &a;
        if (l.account && *l.account != a.id) {
            const auto it = std::find_if(v.accounts.begin(), v.accounts.end(), [&](const Account& x) { return x.id == *l.account; });
            if (it == v.accounts.end()) {
                warning(base / "account", "links to an account that is not in this document");
                return;
            }
            target = &*it;
        }
        if (l.item.empty()) return;
        const std::string_view key = as_text(l.item);
        const bool found = target == &a ? item_ids_.contains(key) : ids_of(*target).contains(key);
        if (!found) warning(base / "item", "links to an item that is not in this document");
    }

    void item(const Item& it, const Place& base, const Account& a, const Vault& v) {
        id(it.id, base / "id", true);
        if (it.scope) {
            const Place scope = base / "scope";
            const Place urls = scope / "urls";
            for (std::size_t i = 0; i < it.scope->urls.size(); ++i)
                if (it.scope->urls[i].find(':') == std::string::npos) warning(urls / i, "not a URI (no scheme); kept as given");
            const Place apps = scope / "androidApps";
            for (std::size_t i = 0; i < it.scope->android_apps.size(); ++i) android_app(it.scope->android_apps[i], apps / i);
        }
        const Place credentials = base / "credentials";
        for (std::size_t i = 0; i < it.credentials.size(); ++i)
            std::visit([&](const auto& c) { credential(c, credentials / i, a, v); }, it.credentials[i]);
        extensions(it.extensions, base, true);
    }

    void android_app(const AndroidApp& app, const Place& base) {
        if (app.bundle_id.empty()) error(base / "bundleId", "bundleId is empty");
        if (!app.certificate) return;
        const Place certificate = base / "certificate";
        const std::string& alg = app.certificate->hash_alg;
        const std::size_t expected = alg == "sha256" ? 32 : alg == "sha512" ? 64 : 0;
        if (expected == 0)
            warning(certificate / "hashAlg", "unknown hash algorithm '" + alg + "': importers ignore this certificate");
        else if (app.certificate->fingerprint.size() != expected)
            error(certificate / "fingerprint", "fingerprint is " + std::to_string(app.certificate->fingerprint.size()) +
                                                   " bytes; " + alg + " gives " + std::to_string(expected));
    }

    void extensions(const std::vector<Extension>& exts, const Place& base, bool shared_allowed) {
        const Place places = base / "extensions";
        for (std::size_t i = 0; i < exts.size(); ++i) {
            const Place place = places / i;
            if (const auto* raw = std::get_if<RawExtension>(&exts[i])) {
                if (raw->name.find('/') == std::string::npos)
                    warning(place / "name", "unregistered extension '" + raw->name + "' should be named EXPORTER_RP_ID/NAME");
                continue;
            }
            if (!shared_allowed) error(place, "the 'shared' extension is only allowed on collections and items");
            const auto& shared = std::get<SharedExtension>(exts[i]);
            const Place accessors = place / "accessors";
            for (std::size_t j = 0; j < shared.accessors.size(); ++j) accessor(shared.accessors[j], accessors / j);
        }
    }

    void accessor(const SharingAccessor& a, const Place& base) {
        id(a.account_id, base / "accountId", true);
        if (a.type != "user" && a.type != "group")
            warning(base / "type", "unknown accessor type '" + a.type + "': importers ignore this accessor");
        std::size_t known = 0;
        const Place permissions = base / "permissions";
        for (std::size_t i = 0; i < a.permissions.size(); ++i) {
            if (known_permission(a.permissions[i])) ++known;
            else warning(permissions / i, "unknown permission '" + a.permissions[i] + "' is ignored");
        }
        if (known == 0) warning(permissions, "no known permission: importers ignore this accessor");
    }

    void field(const EditableField& f, FieldType expected, const Place& place) {
        id(f.id, place / "id", false);
        extensions(f.extensions, place, false);
        if (f.type == FieldType::other) {
            warning(place / "fieldType", "unknown fieldType '" + f.other_type + "' kept as given");
            return;
        }
        const bool wifi_as_string = expected == FieldType::wifi_network_security_type && f.type == FieldType::string;
        if (f.type != expected && !wifi_as_string)
            warning(place / "fieldType", "fieldType '" + std::string(field_type_name(f.type)) + "' where '" +
                                             std::string(field_type_name(expected)) + "' is expected");
        value(f, place / "value");
    }

    // The value's syntax for its fieldType. Empty values mean "not filled in" and are not checked.
    void value(const EditableField& f, const Place& place) {
        const std::string_view v = f.value.view();
        if (v.empty()) return;
        switch (f.type) {
            case FieldType::boolean:
                if (v != "true" && v != "false") error(place, "a boolean value must be \"true\" or \"false\"");
                break;
            case FieldType::number:
                if (!valid_number(v)) error(place, "not a number");
                break;
            case FieldType::date:
                if (!valid_date(v)) error(place, "not a date (YYYY-MM-DD)");
                break;
            case FieldType::year_month:
                if (!valid_year_month(v)) error(place, "not a year-month (YYYY-MM)");
                break;
            case FieldType::email:
                if (v.find('@') == std::string_view::npos) warning(place, "does not look like an e-mail address");
                break;
            case FieldType::country_code:
                if (v.size() != 2 || !all_upper(v)) warning(place, "not an ISO 3166-1 alpha-2 country code");
                break;
            case FieldType::subdivision_code:
                if (v.size() < 4 || v[2] != '-' || !all_upper(v.substr(0, 2)))
                    warning(place, "not an ISO 3166-2 subdivision code (e.g. US-CA)");
                break;
            case FieldType::wifi_network_security_type:
                if (!known_wifi_security(v)) warning(place, "unknown Wi-Fi security type; kept as given");
                break;
            default: break;
        }
    }

    template <typename T>
    void field_members(const T& c, const Place& base) {
        for (const FieldMember<T>& spec : cxf::field_members<T>())
            if (const Field& f = c.*spec.member) field(*f, spec.expected, base / spec.name);
    }

    template <typename T>
    void credential(const T& c, const Place& base, const Account&, const Vault&) {
        field_members(c, base);
    }

    void credential(const Passkey& p, const Place& base, const Account&, const Vault&) {
        if (p.credential_id.empty()) error(base / "credentialId", "credentialId is empty");
        if (p.rp_id.empty()) error(base / "rpId", "rpId is empty");
        if (p.user_handle.empty()) error(base / "userHandle", "userHandle is empty");
        else if (p.user_handle.size() > 64)
            error(base / "userHandle", "userHandle is " + std::to_string(p.user_handle.size()) + " bytes; WebAuthn allows 64");
        const auto key = crypto::inspect_pkcs8(p.key);
        if (!key) error(base / "key", "not a PKCS#8 DER private key");
        else if (!crypto::usable_for_passkey(key->algorithm))
            error(base / "key", key->description + " is not a WebAuthn passkey algorithm");
        else if (!key->consistent)
            error(base / "key", "the " + key->description + " private key fails its consistency check");
        if (!p.fido2_extensions || !p.fido2_extensions->hmac_credentials) return;
        const HmacCredentials& h = *p.fido2_extensions->hmac_credentials;
        const Place place = base / "fido2Extensions/hmacCredentials";
        if (h.algorithm != "hmac-sha256")
            warning(place / "algorithm", "unknown algorithm '" + h.algorithm + "': importers ignore these secrets");
        if (h.cred_with_uv.size() != 32) warning(place / "credWithUV", "should be 32 bytes");
        if (h.cred_without_uv.size() != 32) warning(place / "credWithoutUV", "should be 32 bytes");
    }

    void credential(const Totp& t, const Place& base, const Account&, const Vault&) {
        encoding::Quirks quirks;
        const auto secret = encoding::base32_decode(t.secret.view(), &quirks);
        if (!secret || secret->empty()) error(base / "secret", "not a Base32 secret");
        else if (quirks.lowercase_or_spaces || quirks.padded)
            warning(base / "secret", "Base32 secret has lowercase letters, separators or padding");
        if (!t.algorithm_known())
            warning(base / "algorithm", "unknown algorithm '" + t.algorithm + "': importers must ignore this TOTP");
        if (t.digits < 1 || t.digits > 10) error(base / "digits", "digits must be between 1 and 10");
        else if (t.digits < 6 || t.digits > 8) warning(base / "digits", "unusual number of digits");
        if (t.period == 0) error(base / "period", "period must be at least 1 second");
    }

    void credential(const File& f, const Place& base, const Account&, const Vault&) {
        const Place id_place = base / "id";
        id(f.id, id_place, true);
        unique(file_ids_, f.id, id_place, "file");
        if (f.name.empty()) error(base / "name", "name is empty");
        if (f.integrity_hash.size() != 32)
            error(base / "integrityHash", "is " + std::to_string(f.integrity_hash.size()) + " bytes; a SHA-256 is 32");
        if (f.data && f.data->size() != f.decrypted_size)
            error(base / "decryptedSize", "does not match the size of the file's bytes");
    }

    void credential(const CustomFields& cf, const Place& base, const Account&, const Vault&) {
        id(cf.id, base / "id", false);
        const Place fields = base / "fields";
        for (std::size_t i = 0; i < cf.fields.size(); ++i) {
            const EditableField& f = cf.fields[i];
            const Place place = fields / i;
            id(f.id, place / "id", false);
            if (f.type == FieldType::other) warning(place / "fieldType", "unknown fieldType '" + f.other_type + "' kept as given");
            else value(f, place / "value");
            extensions(f.extensions, place, false);
        }
        extensions(cf.extensions, base, false);
    }

    void credential(const ItemReference& r, const Place& base, const Account& a, const Vault& v) {
        linked_item(r.reference, base / "reference", a, v);
    }

    void credential(const SshKey& k, const Place& base, const Account& a, const Vault& v) {
        const auto key = crypto::inspect_pkcs8(k.private_key);
        if (!key) error(base / "privateKey", "not a PKCS#8 DER private key");
        else if (!crypto::ssh_key_type_matches(k.key_type, key->algorithm))
            error(base / "keyType", "keyType '" + k.key_type + "' does not match the " + key->description + " key");
        else if (!key->consistent)
            error(base / "privateKey", "the " + key->description + " private key fails its consistency check");
        credential<SshKey>(k, base, a, v);
    }

    void credential(const GeneratedPassword&, const Place&, const Account&, const Vault&) {}
    void credential(const UnknownCredential&, const Place&, const Account&, const Vault&) {}

    Report& report_;
    // The item ids of another account, gathered the first time a link points there.
    const std::unordered_set<std::string_view>& ids_of(const Account& other) {
        auto [it, added] = other_item_ids_.try_emplace(&other);
        if (added)
            for (const Item& i : other.items) it->second.insert(as_text(i.id));
        return it->second;
    }

    // Per account, keyed by the id bytes in the vault, which outlives the validation.
    std::unordered_map<std::string_view, std::size_t> item_ids_;  // → the first item's index
    IdPlaces collection_ids_, file_ids_;
    std::unordered_map<const Account*, std::unordered_set<std::string_view>> other_item_ids_;
};

}  // namespace

bool valid_year_month(std::string_view s) {
    if (s.size() != 7 || s[4] != '-' || !all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2))) return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    return month >= 1 && month <= 12;
}

bool valid_date(std::string_view s) {
    if (s.size() != 10 || s[7] != '-' || !valid_year_month(s.substr(0, 7)) || !all_digits(s.substr(8, 2))) return false;
    const int year = std::stoi(std::string(s.substr(0, 4)));
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    const int day = (s[8] - '0') * 10 + (s[9] - '0');
    constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = days[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    return day >= 1 && day <= last;
}


void validate(const Vault& vault, Report& report) { Validator(report).vault(vault); }

}  // namespace cxf
