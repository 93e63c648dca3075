// SPDX-License-Identifier: MIT
// Which Bitwarden ciphers an item becomes and which credentials fill each. The first cipher has the
// type the importer saw (when the item still holds what that type needs) or the item's main kind;
// every other kind of credential goes to a cipher of its own kind, made when first needed.
#include <algorithm>

#include "cxf/bitwarden/map/codec.h"
#include "cxf/crypto/hash.h"
#include "cxf/crypto/openssh.h"
#include "cxf/model/credential_fields.h"
#include "cxf/plugin/losses.h"
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

namespace {

using T = CipherType;

constexpr std::int64_t id(CipherType t) { return static_cast<std::int64_t>(t); }

// The Bitwarden type a credential belongs in; nullopt for notes, custom fields and credentials no
// Bitwarden type holds. Costly (an SSH key goes through OpenSSL, a marker is parsed JSON): once per
// credential.
std::optional<std::int64_t> natural_type(const Credential& credential) {
    return std::visit(
        [](const auto& cred) -> std::optional<std::int64_t> {
            using C = std::decay_t<decltype(cred)>;
            if constexpr (std::is_same_v<C, BasicAuth> || std::is_same_v<C, Totp> || std::is_same_v<C, Passkey>)
                return id(T::login);
            else if constexpr (std::is_same_v<C, CreditCard>) return id(T::card);
            else if constexpr (std::is_same_v<C, SshKey>)
                return crypto::ssh_public_key_blob(cred.private_key) ? std::optional(id(T::ssh_key)) : std::nullopt;
            else if constexpr (std::is_same_v<C, PersonName> || std::is_same_v<C, Address> ||
                               std::is_same_v<C, IdentityDocument> || std::is_same_v<C, Passport> ||
                               std::is_same_v<C, DriversLicense>)
                return id(T::identity);
            else if constexpr (std::is_same_v<C, CustomFields>) {
                const ExtensionView ext(cred.extensions, extension_name);
                const auto m = ext.string("object");
                if (m == identity_extras) return id(T::identity);
                if (m == bank_account_object) return id(T::bank_account);
                return std::nullopt;
            } else {
                return std::nullopt;
            }
        },
        credential);
}

using Naturals = std::vector<std::optional<std::int64_t>>;  // natural_type of each of an item's credentials

// The type the importer saw, when the item still holds what that type needs.
bool consistent(std::int64_t type, const Item& item, const Naturals& naturals, const ExtensionView& ext) {
    bool any = false, fits = false;
    for (std::size_t k = 0; k < naturals.size(); ++k) {
        if (!naturals[k]) continue;
        any = true;
        if (*naturals[k] == type) fits = true;
        const Credential& c = item.credentials[k];
        if (type == id(T::drivers_license) && std::holds_alternative<DriversLicense>(c)) fits = true;
        if (type == id(T::passport) && std::holds_alternative<Passport>(c)) fits = true;
    }
    switch (type) {
        case id(T::secure_note): return !any;
        case id(T::identity): return fits || !any;
        case id(T::ssh_key): {
            const auto kept = ext.find("sshKey");
            return fits || (kept && kept->find("privateKey") && !kept->find("check"));
        }
        case id(T::login):
        case id(T::card):
        case id(T::bank_account):
        case id(T::drivers_license):
        case id(T::passport): return fits;
        default: return type > id(T::passport) && !any;
    }
}

std::int64_t main_type(const Naturals& naturals) {
    std::optional<std::int64_t> best;
    constexpr std::int64_t priority[] = {id(T::login), id(T::card), id(T::ssh_key), id(T::identity), id(T::bank_account)};
    const auto rank = [&](std::int64_t t) { return std::find(std::begin(priority), std::end(priority), t) - std::begin(priority); };
    for (const auto& natural : naturals)
        if (natural && (!best || rank(*natural) < rank(*best))) best = natural;
    return best.value_or(id(T::secure_note));
}

const ExtensionView& no_extension() {
    static const std::vector<Extension> none;
    static const ExtensionView view(none, extension_name);
    return view;
}

class Planner {
public:
    Planner(const Item& item, const ExtensionView& ext, const std::string& place, Report& report)
        : item_(item), ext_(ext), place_(place), report_(report) {}

    std::vector<std::unique_ptr<Cipher>> run() {
        Naturals naturals;
        for (const Credential& c : item_.credentials) naturals.push_back(natural_type(c));
        const auto seen = ext_.integer("type");
        add_cipher(seen && consistent(*seen, item_, naturals, ext_) ? *seen : main_type(naturals));
        for (std::size_t k = 0; k < naturals.size(); ++k)
            std::visit([&](const auto& cred) { take(cred, naturals[k]); }, item_.credentials[k]);
        for (const auto& c : ciphers_) unmapped_members(*c);
        if (retyped_)
            report_.changed(place_, std::to_string(retyped_) + " custom field(s) of a type Bitwarden lacks (e-mail, date, "
                                                               "…) written as text",
                            "custom-fields");
        insert_kept_fields();
        if (ciphers_.size() > 1)
            report_.changed(place_, "written as " + std::to_string(ciphers_.size()) +
                                        " Bitwarden items with its title, one per kind of credential (a Bitwarden item "
                                        "has one type)");
        return std::move(ciphers_);
    }

private:
    Cipher& primary() { return *ciphers_.front(); }

    Cipher& add_cipher(std::int64_t type) {
        const bool first = ciphers_.empty();
        auto c = std::make_unique<Cipher>(item_, first ? ext_ : no_extension(), place_, type);
        c->primary = first;
        if (first) {
            c->id = item_id();
        } else {
            const std::string k = std::to_string(ciphers_.size());
            c->id = guid_for(crypto::sha256({item_.id, as_bytes(k)}));
        }
        ciphers_.push_back(std::move(c));
        return *ciphers_.back();
    }

    std::string item_id() const {
        if (const auto kept = ext_.string("id"); kept && as_bytes(*kept).size() == item_.id.size() &&
                                                 std::equal(item_.id.begin(), item_.id.end(), as_bytes(*kept).begin()))
            return std::string(*kept);
        return guid_for(item_.id);
    }

    // The first cipher of one of `types` whose `slot` is free, else a new cipher of types[0].
    template <typename Slot>
    Cipher& holder(std::initializer_list<std::int64_t> types, Slot slot) {
        for (const auto& c : ciphers_)
            if (std::find(types.begin(), types.end(), c->type) != types.end() && !((*c).*slot)) return *c;
        return add_cipher(*types.begin());
    }

    void lost(Feature feature, const std::string& field, const std::string& reason) {
        report_.lost(feature, place_, item_.title, field, reason);
    }
    void lost_detail(Feature feature, const std::string& field, const std::string& reason) {
        report_.lost_detail(feature, place_, item_.title, field, reason);
    }

    void add_field(Cipher& c, const EditableField& f, std::string name) {
        OutField out;
        out.name = f.label ? *f.label : std::move(name);
        out.value = f.value.clone();
        out.type = f.type == FieldType::concealed_string ? 1 : f.type == FieldType::boolean ? 2 : 0;
        if (f.type != FieldType::string && f.type != FieldType::concealed_string && f.type != FieldType::boolean)
            ++retyped_;
        c.fields.push_back(std::move(out));
    }

    // Fields of an object's custom-fields credential that the object has no member for.
    void other_fields(Cipher& c, const CustomFields& cred, std::span<const ObjectMember> members, std::string_view object) {
        for (const EditableField& f : cred.fields)
            if (!f.label || !find_member(members, *f.label)) add_field(c, f, std::string(object));
    }

    // Members Bitwarden's type has no place for, as custom fields named "<credential type>.<member>"
    // unless the field has its own label.
    template <typename C>
    void fields_of(Cipher& cipher, const C& credential, std::initializer_list<std::string_view> mapped) {
        for (const FieldMember<C>& spec : field_members<C>()) {
            const Field& f = credential.*spec.member;
            if (!f || std::find(mapped.begin(), mapped.end(), spec.name) != mapped.end()) continue;
            add_field(cipher, *f, std::string(C::type_name) + "." + std::string(spec.name));
        }
    }

    // A credential no Bitwarden type holds: its fields (if any) as custom fields of the first cipher.
    // `detail`: Bitwarden holds others of its kind (an SSH key OpenSSH cannot encode).
    template <typename C>
    void leftover(const C& credential, const std::string& reason, bool detail = false) {
        fields_of(primary(), credential, {});
        const bool has_fields = !field_members<C>().empty();
        const std::string field = "credential:" + std::string(C::type_name);
        const std::string why = reason + (has_fields ? "; its fields were written as custom fields" : "");
        if (detail) lost_detail(credential_feature<C>(), field, why);
        else lost(credential_feature<C>(), field, why);
    }

    // Only an SSH key's and custom fields' handling depends on their natural type.
    template <typename C>
    void take(const C& cred, std::optional<std::int64_t>) {
        take(cred);
    }
    void take(const BasicAuth& cred) {
        Cipher& c = holder({id(T::login)}, &Cipher::auth);
        c.auth = &cred;
    }
    void take(const Totp& cred) { holder({id(T::login)}, &Cipher::totp).totp = &cred; }
    void take(const Passkey& cred) {
        for (const auto& c : ciphers_)
            if (c->type == id(T::login)) {
                c->passkeys.push_back(&cred);
                return;
            }
        add_cipher(id(T::login)).passkeys.push_back(&cred);
    }
    void take(const Note& cred) {
        const std::string_view text = cred.content ? cred.content->value.view() : std::string_view();
        std::optional<crypto::Secret>& notes = primary().notes;
        if (!notes) {
            notes = crypto::Secret(text);
            return;
        }
        notes->append("\n\n");
        notes->append(text);
        report_.changed(place_, "several notes joined into Bitwarden's one notes field", "note");
    }
    void take(const File& cred) {
        lost(Feature::attachments, "attachment:" + cred.name, "Bitwarden JSON exports cannot hold attachments (only its zip export can)");
    }
    void take(const CreditCard& cred) { holder({id(T::card)}, &Cipher::card).card = &cred; }
    void take(const PersonName& cred) {
        holder({id(T::identity), id(T::drivers_license), id(T::passport)}, &Cipher::name).name = &cred;
    }
    void take(const Address& cred) { holder({id(T::identity)}, &Cipher::address).address = &cred; }
    void take(const IdentityDocument& cred) { holder({id(T::identity)}, &Cipher::document).document = &cred; }
    void take(const Passport& cred) { holder({id(T::identity), id(T::passport)}, &Cipher::passport).passport = &cred; }
    void take(const DriversLicense& cred) {
        holder({id(T::identity), id(T::drivers_license)}, &Cipher::license).license = &cred;
    }
    void take(const SshKey& cred, std::optional<std::int64_t> natural) {
        if (natural) holder({id(T::ssh_key)}, &Cipher::ssh_key).ssh_key = &cred;
        else leftover(cred, "OpenSSH has no encoding for this key type", true);
    }
    void take(const CustomFields& cred, std::optional<std::int64_t> natural) {
        if (natural == id(T::identity)) {
            Cipher& c = holder({id(T::identity)}, &Cipher::identity_extras);
            c.identity_extras = &cred;
            other_fields(c, cred, identity_extra_members, "identity");
            return;
        }
        if (natural == id(T::bank_account)) {
            Cipher& c = holder({id(T::bank_account)}, &Cipher::bank_account);
            c.bank_account = &cred;
            other_fields(c, cred, bank_account_members, "bankAccount");
            return;
        }
        if (cred.label || ++groups_ > 1)
            report_.changed(place_, "custom-field groups and their labels become Bitwarden's one list of fields",
                            "custom-fields");
        for (const EditableField& f : cred.fields) add_field(primary(), f, cred.label.value_or("field"));
    }
    template <typename C>
    void take(const C& cred) {
        if constexpr (std::is_same_v<C, UnknownCredential>)
            lost(Feature::unknown_data, "credential:" + cred.type, "a credential type cxf does not know");
        else if constexpr (std::is_same_v<C, GeneratedPassword> || std::is_same_v<C, ItemReference>)
            lost_detail(credential_feature<C>(), "credential:" + std::string(C::type_name), "Bitwarden has no " + std::string(C::type_name));
        else
            leftover(cred, "Bitwarden has no " + std::string(C::type_name) + " item");
    }

    void unmapped_members(Cipher& c) {
        const auto is = [&](CipherType t) { return c.type == id(t); };
        if (c.card) fields_of(c, *c.card, {"number", "fullName", "cardType", "verificationNumber", "expiryDate"});
        if (c.name) {
            if (is(T::identity)) fields_of(c, *c.name, {"title", "given", "given2", "surname"});
            else if (is(T::drivers_license)) fields_of(c, *c.name, {"given", "given2", "surname"});
            else fields_of(c, *c.name, {"given", "surname"});
        }
        if (c.document) fields_of(c, *c.document, {"identificationNumber"});
        if (c.passport) {
            if (is(T::identity)) fields_of(c, *c.passport, {"passportNumber"});
            else
                fields_of(c, *c.passport, {"issuingCountry", "passportType", "passportNumber", "nationalIdentificationNumber",
                                           "nationality", "birthDate", "birthPlace", "sex", "issueDate", "expiryDate",
                                           "issuingAuthority"});
        }
        if (c.license) {
            if (is(T::identity)) fields_of(c, *c.license, {"licenseNumber"});
            else
                fields_of(c, *c.license, {"birthDate", "issueDate", "expiryDate", "issuingAuthority", "territory", "country",
                                          "licenseNumber", "licenseClass"});
        }
        if (c.ssh_key) fields_of(c, *c.ssh_key, {});
    }

    // Linked fields (and others the importer could not type) go back where they were.
    void insert_kept_fields() {
        const auto kept = ext_.find("fields");
        if (!kept || !kept->is_array()) return;
        std::vector<OutField>& fields = primary().fields;
        for (const json::Cursor entry : kept->elements()) {
            const auto index = entry.find("index");
            const auto field = entry.find("field");
            if (!index || !field || !index->is(json::Kind::uint64)) continue;
            OutField out;
            out.kept = *field;
            const auto at = std::min<std::size_t>(static_cast<std::size_t>(index->uint64()), fields.size());
            fields.insert(fields.begin() + static_cast<std::ptrdiff_t>(at), std::move(out));
        }
    }

    const Item& item_;
    const ExtensionView& ext_;
    const std::string& place_;
    Report& report_;
    std::vector<std::unique_ptr<Cipher>> ciphers_;
    std::size_t retyped_ = 0;
    std::size_t groups_ = 0;
};

}  // namespace

std::vector<std::unique_ptr<Cipher>> plan(const Item& item, const ExtensionView& ext, const std::string& place,
                                          Report& report) {
    return Planner(item, ext, place, report).run();
}

}  // namespace cxf::bitwarden_json
