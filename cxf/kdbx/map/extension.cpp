// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/extension.h"

#include "cxf/cxf_json/cxf_json.h"

#include "cxf/kdbx/map/kdbx_json.h"
#include "cxf/kdbx/map/names.h"

namespace cxf::kdbx_map {

namespace {

void write_keys(json::Builder& out, std::string_view name, const std::optional<std::vector<std::string>>& keys) {
    if (!keys) return;
    out.key(name).begin_array();
    for (const std::string& k : *keys) out.string(k);
    out.end_array();
}

std::optional<std::vector<std::string>> read_keys(const JsonDoc& doc, const json::Cursor& o, std::string_view name) {
    const auto list = doc.optional_array(o, name);
    if (!list) return std::nullopt;
    std::vector<std::string> keys;
    for (const json::Cursor k : list->elements()) keys.emplace_back(doc.string(k));
    return keys;
}

void write_passkey(json::Builder& out, const PasskeySpelling& p) {
    const PasskeySpelling fresh = PasskeySpelling::fresh();
    out.key("passkey").begin_object();
    if (p.credential_id_keys != fresh.credential_id_keys) write_keys(out, "credentialIdKeys", p.credential_id_keys);
    if (p.username_keys != fresh.username_keys) write_keys(out, "usernameKeys", p.username_keys);
    if (p.flags != fresh.flags) {
        out.key("flags").begin_array();
        for (const auto& [key, value] : p.flags) {
            out.begin_array();
            out.string(key);
            out.string(value);
            out.end_array();
        }
        out.end_array();
    }
    if (p.pem) out.key("pem").string(p.pem->view());
    if (p.credential_id_text) out.key("credentialIdText").string(*p.credential_id_text);
    if (p.user_handle_text) out.key("userHandleText").string(*p.user_handle_text);
    out.end_object();
}

PasskeySpelling read_passkey(const JsonDoc& doc, const json::Cursor& o) {
    PasskeySpelling p = PasskeySpelling::fresh();
    // A passkey always has a credential id attribute: an empty list is not cxf's, and says nothing.
    if (auto keys = read_keys(doc, o, "credentialIdKeys"); keys && !keys->empty()) p.credential_id_keys = std::move(*keys);
    if (auto keys = read_keys(doc, o, "usernameKeys")) p.username_keys = std::move(*keys);
    if (const auto flags = doc.optional_array(o, "flags")) {
        p.flags.clear();
        for (const json::Cursor f : flags->elements()) {
            if (!f.is_array() || f.size() != 2) doc.fail(f, "a [name, value] pair");
            auto it = f.elements().begin();
            std::string key(doc.string(*it));
            p.flags.emplace_back(std::move(key), std::string(doc.string(*++it)));
        }
    }
    if (auto v = doc.optional_string(o, "pem")) p.pem = crypto::Secret(*v);
    if (auto v = doc.optional_string(o, "credentialIdText")) p.credential_id_text = std::string(*v);
    if (auto v = doc.optional_string(o, "userHandleText")) p.user_handle_text = std::string(*v);
    return p;
}

void write_pool(json::Builder& out, const std::vector<std::size_t>& indices) {
    out.key("pool").begin_array();
    for (const std::size_t i : indices) out.unsigned_integer(i);
    out.end_array();
}

void write_extras(json::Builder& out, const EntryExtras& x) {
    if (x.strings) {
        out.key("strings").begin_array();
        for (const StringSlot& s : *x.strings) {
            out.begin_array();
            out.string(s.key);
            out.boolean(s.protect);
            out.end_array();
        }
        out.end_array();
    }
    write_keys(out, "urlKeys", x.url_keys);
    write_keys(out, "appKeys", x.app_keys);
    write_keys(out, "appPrefixes", x.app_prefixes);
    if (x.totp) {
        out.key("totp").begin_array();
        for (const TotpPart& part : *x.totp) {
            out.begin_object();
            out.key("key").string(part.key);
            if (part.encoding.empty()) {
                out.key("value").string(part.value);
            } else {
                out.key("encoding").string(part.encoding);
                out.key("before").string(part.before);
                out.key("after").string(part.after);
            }
            out.end_object();
        }
        out.end_array();
    }
    if (x.passkey) write_passkey(out, *x.passkey);
    if (x.creation) write_time(out.key("creation"), *x.creation);
    if (x.modification) write_time(out.key("modification"), *x.modification);
    if (x.binaries) write_pool(out, *x.binaries);  // last: add_pool_indices appends it
}

EntryExtras read_extras(const JsonDoc& doc, const json::Cursor& o) {
    EntryExtras x;
    if (const auto list = doc.optional_array(o, "strings")) {
        x.strings.emplace();
        for (const json::Cursor s : list->elements()) {
            if (!s.is_array() || s.size() != 2) doc.fail(s, "a [key, protected] pair");
            auto it = s.elements().begin();
            StringSlot slot;
            slot.key = std::string(doc.string(*it));
            slot.protect = doc.boolean(*++it);
            x.strings->push_back(std::move(slot));
        }
    }
    x.url_keys = read_keys(doc, o, "urlKeys");
    x.app_keys = read_keys(doc, o, "appKeys");
    x.app_prefixes = read_keys(doc, o, "appPrefixes");
    if (const auto list = doc.optional_array(o, "totp")) {
        x.totp.emplace();
        for (const json::Cursor p : list->elements()) {
            if (!p.is_object()) doc.fail(p, "a TOTP attribute");
            TotpPart part;
            part.key = std::string(doc.optional_string(p, "key").value_or(""));
            part.encoding = std::string(doc.optional_string(p, "encoding").value_or(""));
            part.before = std::string(doc.optional_string(p, "before").value_or(""));
            part.after = std::string(doc.optional_string(p, "after").value_or(""));
            part.value = std::string(doc.optional_string(p, "value").value_or(""));
            x.totp->push_back(std::move(part));
        }
    }
    if (const auto p = doc.optional_object(o, "passkey")) x.passkey = read_passkey(doc, *p);
    x.creation = doc.time(o, "creation");
    x.modification = doc.time(o, "modification");
    if (const auto list = doc.optional_array(o, "pool")) {
        x.binaries.emplace();
        for (const json::Cursor i : list->elements()) x.binaries->push_back(doc.index(i));
    }
    return x;
}

}  // namespace

PasskeySpelling PasskeySpelling::fresh() {
    PasskeySpelling p;
    p.credential_id_keys = {std::string(passkey_credential_id)};
    p.username_keys = {std::string(passkey_username)};
    p.flags = {{std::string(passkey_flag_be), "1"}, {std::string(passkey_flag_bs), "1"}};
    return p;
}

crypto::Secret entry_extension(const kdbx::Entry& entry, const EntryExtras& extras) {
    return json::extension_json(extension_name, [&](json::Builder& out) {
        write_entry_members(out, entry, false);
        write_extras(out, extras);
    });
}

EntryExtras read_entry_extension(const RawExtension* extension, kdbx::Entry& entry, std::optional<Timestamp> creation,
                                 std::optional<Timestamp> modification, kdbx::Time now) {
    std::optional<JsonDoc> doc;
    if (extension) doc.emplace(extension->json.view(), "extension " + std::string(extension_name));
    EntryExtras extras = doc ? read_extras(*doc, doc->root()) : EntryExtras{};
    entry.times.creation = creation ? kdbx::Time::from_unix(*creation) : extras.creation.value_or(now);
    entry.times.last_modification =
        modification ? kdbx::Time::from_unix(*modification) : extras.modification.value_or(entry.times.creation);
    if (doc) read_entry_members(*doc, doc->root(), entry, false);
    else entry.times = fresh_times(entry.times.creation, entry.times.last_modification);
    return extras;
}

void add_pool_indices(std::vector<Extension>& extensions, const std::vector<std::size_t>& indices) {
    auto* own = extensions.empty() ? nullptr : std::get_if<RawExtension>(&extensions.back());
    if (!own || own->name != extension_name) {
        json::add_extension(extensions, extension_name,
                            json::extension_json(extension_name, [&](json::Builder& out) { write_pool(out, indices); }));
        return;
    }
    json::Builder member;
    member.begin_object();
    write_pool(member, indices);
    member.end_object();
    const crypto::Secret pool = member.take();
    // {…} + {"pool":[…]} → {…,"pool":[…]}
    crypto::Secret joined(own->json.view().substr(0, own->json.size() - 1));
    joined.push_back(',');
    joined.append(pool.view().substr(1));
    own->json = std::move(joined);
}

std::vector<Extension> carried_extensions(const kdbx::CustomData& data, const std::string& place, Report& report) {
    const auto it = std::find_if(data.begin(), data.end(), [](const kdbx::CustomDataItem& d) { return d.key == extensions_key; });
    if (it == data.end()) return {};
    cxf_json::ReadSettings settings;
    settings.collect_errors = true;  // a damaged list is reported, not fatal: the database itself is fine
    return cxf_json::read_extensions(it->value, place + " custom data " + std::string(extensions_key), settings, report);
}

void carry_extensions(const std::vector<Extension>& extensions, kdbx::CustomData& data) {
    if (const crypto::Secret foreign = cxf_json::write_extensions(extensions, extension_name); !foreign.empty())
        data.push_back({std::string(extensions_key), std::string(foreign.view()), std::nullopt});
}

}  // namespace cxf::kdbx_map
