// SPDX-License-Identifier: MIT
#include "cxf/merge/fold.h"

#include <algorithm>
#include <map>
#include <type_traits>

#include "cxf/merge/identity.h"
#include "cxf/model/credential_fields.h"
#include "cxf/otp/otpauth.h"

namespace cxf::merging {

namespace {

std::string_view text_of(const Field& field) { return field ? field->value.view() : std::string_view(); }

bool same_text(std::string_view a, std::string_view b) { return crypto::Secret(a) == crypto::Secret(b); }

bool same_bytes(ByteView a, ByteView b) { return a.size() == b.size() && crypto::equal_ct(a, b); }

class Differences {
public:
    explicit Differences(std::string_view type) : type_(type) {}

    void check(bool same, std::string_view member) {
        if (!same) out_.push_back(std::string(type_) + (member.empty() ? "" : ".") + std::string(member));
    }
    template <typename T>
    void check_fields(const T& a, const T& b) {
        for (const FieldMember<T>& m : field_members<T>()) check(same_text(text_of(a.*m.member), text_of(b.*m.member)), m.name);
    }
    std::vector<std::string> take() { return std::move(out_); }

private:
    std::string_view type_;
    std::vector<std::string> out_;
};

// label → value, so that the order of custom fields does not count.
std::map<std::string, std::string_view> by_label(const CustomFields& c) {
    std::map<std::string, std::string_view> out;
    for (const EditableField& f : c.fields) out.emplace(f.label.value_or(""), f.value.view());
    return out;
}

bool same_custom_fields(const CustomFields& a, const CustomFields& b) {
    const auto x = by_label(a), y = by_label(b);
    return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](const auto& p, const auto& q) {
               return p.first == q.first && same_text(p.second, q.second);
           });
}

template <typename T>
void compare(const T& a, const T& b, Differences& d) {
    if constexpr (std::is_same_v<T, Passkey>) {
        d.check(same_bytes(a.key, b.key), "key");
        d.check(same_bytes(a.user_handle, b.user_handle), "userHandle");
        d.check(a.username == b.username, "username");
        d.check(a.user_display_name == b.user_display_name, "userDisplayName");
    } else if constexpr (std::is_same_v<T, Totp>) {
        d.check(otp::same_secret(a.secret, b.secret), "secret");
        d.check(a.period == b.period && a.digits == b.digits && a.algorithm == b.algorithm, "parameters");
    } else if constexpr (std::is_same_v<T, File>) {
        d.check(a.name == b.name, "name");
        d.check(same_bytes(a.integrity_hash, b.integrity_hash), "integrityHash");
    } else if constexpr (std::is_same_v<T, CustomFields>) {
        d.check(same_custom_fields(a, b), "");
    } else if constexpr (std::is_same_v<T, GeneratedPassword>) {
        d.check(a.password == b.password, "");
    } else if constexpr (std::is_same_v<T, ItemReference>) {
        d.check(a.reference.item == b.reference.item && a.reference.account == b.reference.account, "");
    } else if constexpr (std::is_same_v<T, UnknownCredential>) {
        d.check(a.json == b.json, "");
    } else {
        if constexpr (std::is_same_v<T, SshKey>) {
            d.check(a.key_type == b.key_type && same_bytes(a.private_key, b.private_key), "privateKey");
        }
        d.check_fields(a, b);
    }
}

bool same_passkey(const Passkey& a, const Passkey& b) { return a.rp_id == b.rp_id && a.credential_id == b.credential_id; }
bool same_file(const File& a, const File& b) { return a.name == b.name && a.integrity_hash == b.integrity_hash; }

// The kept item's credential that `other` is a version of, or null when the kept item lacks it.
const Credential* counterpart(const Item& kept, const Credential& other) {
    for (const Credential& c : kept.credentials) {
        if (c.index() != other.index()) continue;
        if (const auto* p = std::get_if<Passkey>(&other)) {
            if (same_passkey(std::get<Passkey>(c), *p)) return &c;
        } else if (const auto* f = std::get_if<File>(&other)) {
            if (same_file(std::get<File>(c), *f)) return &c;
        } else if (credential_type(c) == credential_type(other)) {
            return &c;
        }
    }
    return nullptr;
}

template <typename T, typename Same>
void unite(std::vector<T>& kept, std::vector<T>&& other, Same same) {
    for (T& o : other)
        if (std::none_of(kept.begin(), kept.end(), [&](const T& k) { return same(k, o); })) kept.push_back(std::move(o));
}

}  // namespace

std::vector<std::string> differences(const Credential& kept, const Credential& other) {
    Differences d(credential_type(kept));
    if (kept.index() != other.index()) return {std::string(credential_type(kept))};
    std::visit([&](const auto& a) { compare(a, std::get<std::decay_t<decltype(a)>>(other), d); }, kept);
    return d.take();
}

Folded fold(Item& kept, Item&& duplicate) {
    Folded folded;
    std::vector<Credential> added;
    for (Credential& c : duplicate.credentials) {
        if (const Credential* mine = counterpart(kept, c)) {
            for (std::string& d : differences(*mine, c)) folded.differences.push_back(std::move(d));
        } else {
            folded.added.emplace_back(credential_type(c));
            added.push_back(std::move(c));
        }
    }
    for (Credential& c : added) kept.credentials.push_back(std::move(c));
    const auto equal = [](const auto& a, const auto& b) { return a == b; };
    unite(kept.tags, std::move(duplicate.tags), equal);
    if (duplicate.scope) {
        if (!kept.scope) kept.scope.emplace();
        unite(kept.scope->urls, std::move(duplicate.scope->urls), same_url);
        unite(kept.scope->android_apps, std::move(duplicate.scope->android_apps),
              [](const AndroidApp& a, const AndroidApp& b) { return a.bundle_id == b.bundle_id; });
    }
    kept.favorite = kept.favorite || duplicate.favorite;
    return folded;
}

}  // namespace cxf::merging
