// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/passkey.h"

#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"
#include "cxf/kdbx/map/names.h"

namespace cxf::kdbx_map {

namespace {

// The first of `keys` present (KeePassXC prefers the legacy names when both exist), plus the
// others that hold the same value, which say nothing more.
std::vector<std::size_t> pick(const StringTable& strings, std::initializer_list<std::string_view> keys) {
    std::vector<std::size_t> found;
    for (const std::string_view key : keys) {
        const auto i = strings.find(key);
        if (!i || strings.used(*i)) continue;
        if (found.empty() || strings.at(*i).value == strings.at(found.front()).value) found.push_back(*i);
    }
    return found;
}

kdbx::StringField attribute(std::string_view key, std::string_view value, bool protect) {
    return kdbx::StringField{std::string(key), crypto::Secret(value), protect};
}

}  // namespace

std::optional<PasskeyReading> read_passkey(StringTable& strings, std::string& problem) {
    // Attributes a layout (CXF_ITEM) already used belong to a passkey read from it.
    const auto unused = [&](std::string_view key) {
        auto i = strings.find(key);
        if (i && strings.used(*i)) i.reset();
        return i;
    };
    const auto pem = unused(passkey_private_key);
    const auto rp = unused(passkey_relying_party);
    const auto ids = pick(strings, {passkey_credential_id_legacy, passkey_credential_id});
    if (!pem && !rp && ids.empty()) return std::nullopt;
    if (!pem || !rp || ids.empty()) {
        problem = "passkey attributes kept as custom fields: the private key, relying party or credential id is missing";
        return std::nullopt;
    }
    const std::string_view pem_text = strings.at(*pem).value.view();
    auto der = crypto::pkcs8_pem_to_der(pem_text);
    if (!der) {
        problem = "passkey attributes kept as custom fields: the private key is not a PKCS#8 PEM key";
        return std::nullopt;
    }
    const std::string_view id_text = strings.at(ids.front()).value.view();
    const auto id = encoding::base64url_decode(id_text);
    if (!id || id->empty()) {
        problem = "passkey attributes kept as custom fields: the credential id is not base64url";
        return std::nullopt;
    }
    const auto handle_index = strings.find(passkey_user_handle);
    std::optional<Bytes> handle = Bytes{};
    if (handle_index) handle = encoding::base64url_decode(strings.at(*handle_index).value.view());
    if (!handle) {
        problem = "passkey attributes kept as custom fields: the user handle is not base64url";
        return std::nullopt;
    }

    PasskeyReading r;
    r.spelling.credential_id_keys.clear();
    for (const std::size_t i : ids) r.spelling.credential_id_keys.push_back(strings.at(i).key);
    for (const std::size_t i : pick(strings, {passkey_username_legacy, passkey_username})) {
        if (r.spelling.username_keys.empty()) r.passkey.username = std::string(strings.at(i).value.view());
        r.spelling.username_keys.push_back(strings.at(i).key);
        strings.use(i);
    }
    for (const std::string_view flag : {passkey_flag_be, passkey_flag_bs})
        if (const auto i = strings.find(flag); i && !strings.used(*i)) {
            r.spelling.flags.emplace_back(std::string(flag), std::string(strings.at(*i).value.view()));
            strings.use(*i);
        }
    for (const std::size_t i : ids) strings.use(i);
    strings.use(*pem);
    strings.use(*rp);
    if (handle_index) strings.use(*handle_index);

    r.passkey.credential_id = std::move(*id);
    r.passkey.rp_id = std::string(strings.at(*rp).value.view());
    r.passkey.user_handle = std::move(*handle);
    r.passkey.key = std::move(*der);
    if (crypto::pkcs8_der_to_pem(r.passkey.key).view() != pem_text) r.spelling.pem = crypto::Secret(pem_text);
    if (encoding::base64url_encode(r.passkey.credential_id) != id_text) r.spelling.credential_id_text = std::string(id_text);
    if (handle_index && encoding::base64url_encode(r.passkey.user_handle) != strings.at(*handle_index).value.view())
        r.spelling.user_handle_text = std::string(strings.at(*handle_index).value.view());
    if (!handle_index) r.spelling.user_handle_text = std::string();
    return r;
}

std::vector<kdbx::StringField> passkey_attributes(const Passkey& p, const PasskeySpelling& spelling) {
    std::vector<kdbx::StringField> out;
    const std::vector<std::string> user_keys = spelling.username_keys.empty() && !p.username.empty()
                                                   ? std::vector<std::string>{std::string(passkey_username)}
                                                   : spelling.username_keys;
    for (const std::string& key : user_keys) out.push_back(attribute(key, p.username, false));
    // A spelling kept from the file is used only while it still says the same.
    const auto decoded = [](const std::optional<std::string>& text) {
        return text ? encoding::base64url_decode(*text) : std::nullopt;
    };
    const std::string id = decoded(spelling.credential_id_text) == p.credential_id ? *spelling.credential_id_text
                                                                                    : encoding::base64url_encode(p.credential_id);
    for (const std::string& key : spelling.credential_id_keys) out.push_back(attribute(key, id, true));
    const auto pem_der = spelling.pem ? crypto::pkcs8_pem_to_der(spelling.pem->view()) : std::nullopt;
    if (pem_der && crypto::equal_ct(*pem_der, p.key)) out.push_back(attribute(passkey_private_key, spelling.pem->view(), true));
    else out.push_back(attribute(passkey_private_key, crypto::pkcs8_der_to_pem(p.key).view(), true));
    out.push_back(attribute(passkey_relying_party, p.rp_id, false));
    // An empty kept spelling means the file had no user handle.
    if (!(spelling.user_handle_text && spelling.user_handle_text->empty() && p.user_handle.empty())) {
        const std::string handle = decoded(spelling.user_handle_text) == p.user_handle ? *spelling.user_handle_text
                                                                                       : encoding::base64url_encode(p.user_handle);
        out.push_back(attribute(passkey_user_handle, handle, true));
    }
    for (const auto& [key, value] : spelling.flags) out.push_back(attribute(key, value, false));
    return out;
}

}  // namespace cxf::kdbx_map
