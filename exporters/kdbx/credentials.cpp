// SPDX-License-Identifier: MIT
#include "exporters/kdbx/credentials.h"

#include <algorithm>
#include <utility>

#include "cxf/crypto/keys.h"
#include "cxf/crypto/openssh.h"
#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/passkey.h"
#include "cxf/kdbx/map/totp.h"
#include "cxf/model/credential_fields.h"
#include "cxf/otp/otpauth.h"

namespace cxf::kdbx_map {

namespace {

// "Card" + "verificationNumber" → "Card Verification Number"; "Passport" + "passportType" → "Passport Type".
std::string attribute_name(std::string_view prefix, std::string_view member) {
    std::string words;
    for (const char c : member) {
        if (c >= 'A' && c <= 'Z') words.push_back(' ');
        words.push_back(c);
    }
    if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') words[0] = static_cast<char>(words[0] - 'a' + 'A');
    for (std::size_t i = 1; i < words.size(); ++i)
        if (words[i - 1] == ' ' && words[i] >= 'a' && words[i] <= 'z') words[i] = static_cast<char>(words[i] - 'a' + 'A');
    std::string lowered_prefix(prefix), lowered_words(words);
    for (char& c : lowered_prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : lowered_words) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string_view last_word = std::string_view(lowered_prefix).substr(lowered_prefix.rfind(' ') + 1);
    if (std::string_view(lowered_words).substr(0, last_word.size()) == last_word) return std::string(prefix) + words.substr(last_word.size());
    return std::string(prefix) + " " + words;
}

std::string uuid_hex(const kdbx::Uuid& uuid) {
    std::string hex = encoding::hex_encode(uuid);
    for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return hex;
}

// OpenSSH's own format when it gives back the same key (ssh-add reads it); PKCS#8 PEM otherwise.
crypto::Secret ssh_private_key_text(const SshKey& k) {
    if (auto text = crypto::openssh_private_key(k.private_key, k.key_comment.value_or(""))) {
        const crypto::OpenSshParse back = crypto::parse_openssh_private_key(text->view());
        if (back.key && crypto::equal_ct(back.key->pkcs8, k.private_key)) return std::move(*text);
    }
    return crypto::pkcs8_der_to_pem(k.private_key);
}

}  // namespace

void CredentialWriter::reserve(const Item& item) {
    bool passkey_done = false, totp_done = false;
    for (const Credential& c : item.credentials) {
        if (const auto* p = std::get_if<Passkey>(&c); p && !passkey_done) {
            first_passkey_ = passkey_attributes(*p, first_passkey_spelling());
            for (const kdbx::StringField& s : first_passkey_) t_.attributes.reserve(s.key);
            passkey_done = true;
        } else if (const auto* t = std::get_if<Totp>(&c); t && !totp_done) {
            first_totp_ = first_totp_attributes(*t);
            for (const kdbx::StringField& s : first_totp_) t_.attributes.reserve(s.key);
            totp_done = true;
        }
    }
}

bool CredentialWriter::write(const Credential& credential) {
    return std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, BasicAuth>) basic_auth(c);
            else if constexpr (std::is_same_v<T, Note>) note(c);
            else if constexpr (std::is_same_v<T, Totp>) totp(c);
            else if constexpr (std::is_same_v<T, Passkey>) passkey(c);
            else if constexpr (std::is_same_v<T, File>) file(c);
            else if constexpr (std::is_same_v<T, CustomFields>) custom_fields(c);
            else if constexpr (std::is_same_v<T, GeneratedPassword>) generated_password(c);
            else if constexpr (std::is_same_v<T, ItemReference>) item_reference(c);
            else if constexpr (std::is_same_v<T, SshKey>) ssh_key(c);
            else if constexpr (std::is_same_v<T, CreditCard>) fields_of(c, "Card");
            else if constexpr (std::is_same_v<T, Address>) fields_of(c, "Address");
            else if constexpr (std::is_same_v<T, ApiKey>) fields_of(c, "API Key");
            else if constexpr (std::is_same_v<T, DriversLicense>) fields_of(c, "Driver's License");
            else if constexpr (std::is_same_v<T, IdentityDocument>) fields_of(c, "ID Document");
            else if constexpr (std::is_same_v<T, Passport>) fields_of(c, "Passport");
            else if constexpr (std::is_same_v<T, PersonName>) fields_of(c, "Name");
            else if constexpr (std::is_same_v<T, Wifi>) fields_of(c, "Wi-Fi");
            else if constexpr (std::is_same_v<T, UnknownCredential>) opaque(c);
            else return false;
            return true;
        },
        credential);
}

void CredentialWriter::field_ref(std::string_view member, const std::string& key, const EditableField& field,
                                 std::optional<FieldType> expected) {
    json::Builder& out = t_.layout;
    if (!member.empty()) out.key(member);
    out.begin_object();
    out.key("key").string(key);
    const bool plain_type = expected ? field.type == *expected
                                     : field.type == FieldType::string || field.type == FieldType::concealed_string;
    if (!plain_type) out.key("fieldType").string(field.type_name());
    if (field.label) out.key("label").string(*field.label);
    if (!field.id.empty()) out.key("id").string(encoding::base64url_encode(field.id));
    if (!field.extensions.empty()) out.key("extensions").raw(cxf_json::write_extensions(field.extensions).view());
    out.end_object();
}

std::string CredentialWriter::add_field(std::string_view wanted, const EditableField& field) {
    return t_.attributes.add(wanted, field.value.view(), field.type == FieldType::concealed_string);
}

void CredentialWriter::basic_auth(const BasicAuth& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(BasicAuth::type_name);
    const bool first = !had_basic_auth_;
    had_basic_auth_ = true;
    for (const auto& [member, key, field, type] :
         {std::tuple{"username", user_name_key, &c.username, FieldType::string},
          std::tuple{"password", password_key, &c.password, FieldType::concealed_string}}) {
        if (!*field) continue;
        std::string used(key);
        if (first) t_.attributes.set_standard(key, (*field)->value.view());
        else used = add_field(key, **field);
        field_ref(member, used, **field, type);
    }
    out.end_object();
}

void CredentialWriter::note(const Note& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(Note::type_name);
    if (c.content) {
        std::string key(notes_key);
        if (!had_note_) t_.attributes.set_standard(notes_key, c.content->value.view());
        else key = add_field(notes_key, *c.content);
        field_ref("content", key, *c.content, FieldType::string);
    }
    had_note_ = true;
    out.end_object();
}

std::vector<kdbx::StringField> CredentialWriter::first_totp_attributes(const Totp& c) const {
    if (t_.plain && t_.extras.totp) {
        // The file's spelling, as long as it still reads back as this TOTP.
        if (auto rendered = render_parts(*t_.extras.totp, c)) {
            StringTable table(*rendered);
            std::vector<std::string> problems;
            const auto back = read_totp(table, problems);
            if (back && same_totp(back->totp, c)) return std::move(*rendered);
        }
    }
    std::vector<kdbx::StringField> out;
    out.push_back(otp_attribute(c, std::string(otp_key)));
    return out;
}

void CredentialWriter::totp(const Totp& c) {
    std::string key;
    if (!had_totp_) {
        if (first_totp_.empty()) first_totp_ = first_totp_attributes(c);
        for (kdbx::StringField& s : std::exchange(first_totp_, {})) {
            if (key.empty()) key = s.key;
            t_.attributes.add_exact(std::move(s));
        }
    } else {
        key = t_.attributes.add(otp_key, otp::to_uri(c).view(), true);
    }
    had_totp_ = true;
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(Totp::type_name);
    out.key("key").string(key);
    if (c.username) out.key("username").string(*c.username);
    if (c.issuer) out.key("issuer").string(*c.issuer);
    out.end_object();
}

const PasskeySpelling& CredentialWriter::first_passkey_spelling() const {
    static const PasskeySpelling fresh = PasskeySpelling::fresh();
    return t_.plain && t_.extras.passkey ? *t_.extras.passkey : fresh;
}

void CredentialWriter::passkey(const Passkey& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(Passkey::type_name);
    const std::string prefix = "Passkey ";
    if (!had_passkey_) {
        const PasskeySpelling& spelling = first_passkey_spelling();
        bool handle_written = false;
        if (first_passkey_.empty()) first_passkey_ = passkey_attributes(c, spelling);
        for (kdbx::StringField& s : std::exchange(first_passkey_, {})) {
            if (s.key == passkey_user_handle) handle_written = true;
            t_.attributes.add_exact(std::move(s));
        }
        out.key("credentialId").string(spelling.credential_id_keys.front());
        out.key("rpId").string(passkey_relying_party);
        if (!spelling.username_keys.empty() || !c.username.empty())
            out.key("username").string(spelling.username_keys.empty() ? std::string(passkey_username) : spelling.username_keys.front());
        if (handle_written) out.key("userHandle").string(passkey_user_handle);
        out.key("key").string(passkey_private_key);
        out.key("flags").begin_array();
        for (const auto& [key, value] : spelling.flags) out.string(key);
        out.end_array();
    } else {
        out.key("credentialId").string(t_.attributes.add(prefix + "Credential ID", encoding::base64url_encode(c.credential_id), true));
        out.key("rpId").string(t_.attributes.add(prefix + "Relying Party", c.rp_id, false));
        out.key("username").string(t_.attributes.add(prefix + "Username", c.username, false));
        out.key("userHandle").string(t_.attributes.add(prefix + "User Handle", encoding::base64url_encode(c.user_handle), true));
        out.key("key").string(t_.attributes.add(prefix + "Private Key", crypto::pkcs8_der_to_pem(c.key).view(), true));
    }
    had_passkey_ = true;
    if (!c.user_display_name.empty()) out.key("displayName").string(c.user_display_name);
    if (const Fido2Extensions* x = c.fido2_extensions.get()) {
        const auto secret = [&](std::string_view name, ByteView bytes) {
            return t_.attributes.add(prefix + std::string(name), encoding::base64url_encode_secret(bytes).view(), true);
        };
        if (x->hmac_credentials) {
            out.key("hmac").begin_object();
            out.key("algorithm").string(x->hmac_credentials->algorithm);
            out.key("withUv").string(secret("HMAC Secret (UV)", x->hmac_credentials->cred_with_uv));
            out.key("withoutUv").string(secret("HMAC Secret (no UV)", x->hmac_credentials->cred_without_uv));
            out.end_object();
        }
        if (x->cred_blob) out.key("credBlob").string(secret("credBlob", *x->cred_blob));
        if (x->large_blob) {
            out.key("largeBlob").begin_object();
            out.key("size").unsigned_integer(x->large_blob->uncompressed_size);
            out.key("data").string(secret("Large Blob", x->large_blob->data));
            out.end_object();
        }
        if (x->payments) out.key("payments").boolean(*x->payments);
    }
    out.end_object();
}

void CredentialWriter::file(const File& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(File::type_name);
    out.key("id").string(encoding::base64url_encode(c.id));
    if (c.data) {
        std::string name = c.name.empty() ? std::string("attachment") : c.name;
        const std::string base = name;
        for (int n = 2; std::any_of(t_.binaries.begin(), t_.binaries.end(), [&](const kdbx::BinaryRef& r) { return r.key == name; }); ++n)
            name = base + " (" + std::to_string(n) + ")";
        const std::size_t ordinal = t_.binaries.size();
        std::optional<std::size_t> hint;
        if (t_.extras.binaries && ordinal < t_.extras.binaries->size()) hint = (*t_.extras.binaries)[ordinal];
        t_.binaries.push_back({name, t_.staging.add(*c.data, hint)});
        out.key("key").string(name);
        if (name != c.name) out.key("name").string(c.name);
    } else {
        out.key("name").string(c.name);
        out.key("size").unsigned_integer(c.decrypted_size);
        out.key("hash").string(encoding::base64url_encode(c.integrity_hash));
    }
    out.end_object();
}

void CredentialWriter::custom_fields(const CustomFields& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(CustomFields::type_name);
    if (!c.id.empty()) out.key("id").string(encoding::base64url_encode(c.id));
    if (c.label) out.key("label").string(*c.label);
    out.key("fields").begin_array();
    for (const EditableField& f : c.fields) field_ref({}, add_field(f.label.value_or(""), f), f, std::nullopt);
    out.end_array();
    if (!c.extensions.empty()) out.key("extensions").raw(cxf_json::write_extensions(c.extensions).view());
    out.end_object();
}

// A credential type cxf does not know: its JSON in a protected attribute (it may hold secrets), so
// KDBX keeps it and cxf gives it back.
void CredentialWriter::opaque(const UnknownCredential& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(opaque_type);
    out.key("credentialType").string(c.type);
    out.key("key").string(t_.attributes.add("Credential " + c.type, c.json.view(), true));
    out.end_object();
}

void CredentialWriter::generated_password(const GeneratedPassword& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(GeneratedPassword::type_name);
    out.key("key").string(t_.attributes.add("Generated Password", c.password.view(), true));
    out.end_object();
}

// Shown as a KeePass field reference, which KeePass and KeePassXC resolve to the item's title.
void CredentialWriter::item_reference(const ItemReference& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(ItemReference::type_name);
    out.key("item").string(encoding::base64url_encode(c.reference.item));
    if (c.reference.account) out.key("account").string(encoding::base64url_encode(*c.reference.account));
    out.key("key").string(t_.attributes.add("Reference", "{REF:T@I:" + uuid_hex(uuid_for(c.reference.item)) + "}", false));
    out.end_object();
}

void CredentialWriter::ssh_key(const SshKey& c) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(SshKey::type_name);
    out.key("keyType").string(c.key_type);
    out.key("privateKey").string(t_.attributes.add("SSH Private Key", ssh_private_key_text(c).view(), true));
    if (c.key_comment) out.key("comment").string(t_.attributes.add("SSH Key Comment", *c.key_comment, false));
    for (const FieldMember<SshKey>& m : field_members<SshKey>())
        if (const Field& f = c.*m.member) field_ref(m.name, add_field(attribute_name("SSH", m.name), *f), *f, m.expected);
    out.end_object();
}

template <typename T>
void CredentialWriter::fields_of(const T& c, std::string_view prefix) {
    json::Builder& out = t_.layout;
    out.begin_object();
    out.key("type").string(T::type_name);
    for (const FieldMember<T>& m : field_members<T>())
        if (const Field& f = c.*m.member) field_ref(m.name, add_field(attribute_name(prefix, m.name), *f), *f, m.expected);
    out.end_object();
}

}  // namespace cxf::kdbx_map
