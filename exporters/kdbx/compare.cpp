// SPDX-License-Identifier: MIT
#include "exporters/kdbx/compare.h"

#include "cxf/cxf_json/cxf_json.h"

#include "cxf/kdbx/map/totp.h"
#include "cxf/model/credential_fields.h"

namespace cxf::kdbx_map {

namespace {

bool same_member(const Field& a, const Field& b) noexcept { return (!a && !b) || (a && b && kdbx_map::same(*a, *b)); }

bool same_bytes(ByteView a, ByteView b) noexcept { return crypto::equal_ct(a, b); }

bool same_list(const std::vector<Extension>& a, const std::vector<Extension>& b) {
    return a.size() == b.size() && (a.empty() || cxf_json::write_extensions(a) == cxf_json::write_extensions(b));
}

template <typename T>
bool same_fields(const T& a, const T& b) noexcept {
    for (const FieldMember<T>& m : field_members<T>())
        if (!same_member(a.*m.member, b.*m.member)) return false;
    return true;
}

bool same_extensions(const Fido2Extensions* a, const Fido2Extensions* b) noexcept {
    if (!a || !b) return !a && !b;
    const auto& ha = a->hmac_credentials;
    const auto& hb = b->hmac_credentials;
    if (ha.has_value() != hb.has_value()) return false;
    if (ha && (ha->algorithm != hb->algorithm || !same_bytes(ha->cred_with_uv, hb->cred_with_uv) ||
               !same_bytes(ha->cred_without_uv, hb->cred_without_uv)))
        return false;
    if (a->cred_blob.has_value() != b->cred_blob.has_value() || (a->cred_blob && !same_bytes(*a->cred_blob, *b->cred_blob)))
        return false;
    if (a->large_blob.has_value() != b->large_blob.has_value() ||
        (a->large_blob && (a->large_blob->uncompressed_size != b->large_blob->uncompressed_size ||
                           a->large_blob->data != b->large_blob->data)))
        return false;
    return a->payments == b->payments;
}

bool same_typed(const BasicAuth& a, const BasicAuth& b) noexcept { return same_fields(a, b); }
bool same_typed(const Note& a, const Note& b) noexcept { return same_fields(a, b); }
bool same_typed(const CreditCard& a, const CreditCard& b) noexcept { return same_fields(a, b); }
bool same_typed(const Address& a, const Address& b) noexcept { return same_fields(a, b); }
bool same_typed(const ApiKey& a, const ApiKey& b) noexcept { return same_fields(a, b); }
bool same_typed(const DriversLicense& a, const DriversLicense& b) noexcept { return same_fields(a, b); }
bool same_typed(const IdentityDocument& a, const IdentityDocument& b) noexcept { return same_fields(a, b); }
bool same_typed(const Passport& a, const Passport& b) noexcept { return same_fields(a, b); }
bool same_typed(const PersonName& a, const PersonName& b) noexcept { return same_fields(a, b); }
bool same_typed(const Wifi& a, const Wifi& b) noexcept { return same_fields(a, b); }
bool same_typed(const Totp& a, const Totp& b) noexcept { return same_totp(a, b); }

bool same_typed(const Passkey& a, const Passkey& b) noexcept {
    return a.credential_id == b.credential_id && a.rp_id == b.rp_id && a.username == b.username &&
           a.user_display_name == b.user_display_name && a.user_handle == b.user_handle && same_bytes(a.key, b.key) &&
           same_extensions(a.fido2_extensions.get(), b.fido2_extensions.get());
}

bool same_typed(const File& a, const File& b) noexcept {
    return a.id == b.id && a.name == b.name && a.decrypted_size == b.decrypted_size && a.integrity_hash == b.integrity_hash &&
           a.data.has_value() == b.data.has_value() && (!a.data || same_bytes(*a.data, *b.data));
}

bool same_typed(const CustomFields& a, const CustomFields& b) noexcept {
    if (a.id != b.id || a.label != b.label || a.fields.size() != b.fields.size() || !same_list(a.extensions, b.extensions))
        return false;
    for (std::size_t i = 0; i < a.fields.size(); ++i)
        if (!kdbx_map::same(a.fields[i], b.fields[i])) return false;
    return true;
}

bool same_typed(const GeneratedPassword& a, const GeneratedPassword& b) noexcept { return a.password == b.password; }

bool same_typed(const ItemReference& a, const ItemReference& b) noexcept {
    return a.reference.item == b.reference.item && a.reference.account == b.reference.account;
}

bool same_typed(const SshKey& a, const SshKey& b) noexcept {
    return a.key_type == b.key_type && same_bytes(a.private_key, b.private_key) && a.key_comment == b.key_comment &&
           same_fields(a, b);
}

bool same_typed(const UnknownCredential& a, const UnknownCredential& b) noexcept {
    return a.type == b.type && a.json == b.json;
}

}  // namespace

bool same(const EditableField& a, const EditableField& b) noexcept {
    return a.type == b.type && a.other_type == b.other_type && a.value == b.value && a.label == b.label && a.id == b.id &&
           same_list(a.extensions, b.extensions);
}

bool same(const Credential& a, const Credential& b) noexcept {
    if (a.index() != b.index()) return false;
    return std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            return same_typed(x, std::get<T>(b));
        },
        a);
}

}  // namespace cxf::kdbx_map
