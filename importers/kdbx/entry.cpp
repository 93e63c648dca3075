// SPDX-License-Identifier: MIT
#include "importers/kdbx/entry.h"

#include <algorithm>

#include "cxf/otp/otpauth.h"
#include "importers/kdbx/entry_source.h"
#include "importers/kdbx/extension.h"
#include "importers/kdbx/layout.h"
#include "importers/kdbx/names.h"
#include "importers/kdbx/passkey.h"
#include "importers/kdbx/totp.h"
#include "importers/kdbx/urls.h"

namespace cxf::kdbx_map {

namespace {

Field text_field(FieldType type, std::string_view value) { return value.empty() ? nullptr : make_field(type, value); }

void add_slots(std::vector<StringSlot>& slots, const std::vector<kdbx::StringField>& fields) {
    for (const kdbx::StringField& f : fields) slots.push_back({f.key, f.protect});
}

// Whether cxf writes these parts for this TOTP anyway (then nothing needs keeping).
bool fresh_spelling(const std::vector<TotpPart>& parts, const Totp& totp) {
    if (parts.size() != 1 || parts.front().key != otp_key) return false;
    const auto rendered = render_parts(parts, totp);
    return rendered && rendered->front().value == otp::to_uri(totp);
}

bool same_spelling(const PasskeySpelling& a, const PasskeySpelling& b) {
    return a.credential_id_keys == b.credential_id_keys && a.username_keys == b.username_keys && a.flags == b.flags &&
           a.pem == b.pem && a.credential_id_text == b.credential_id_text && a.user_handle_text == b.user_handle_text;
}

EntryReading read_version(const kdbx::Entry& entry, const kdbx::Uuid& uuid, const EntryContext& context,
                          const std::string& place, std::size_t version) {
    EntrySource source(entry, context.pool, version);
    StringTable& strings = source.strings;
    Item item;
    item.id.assign(uuid.begin(), uuid.end());
    if (const auto i = strings.take(title_key)) item.title = std::string(strings.at(*i).value.view());
    item.creation_at = entry.times.creation.unix();
    item.modified_at = entry.times.last_modification.unix();
    item.tags = entry.tags;

    // The layout names its attributes first: they may look like URLs or TOTP to the plain mapping.
    ItemLayout layout;
    const auto layout_data = std::find_if(entry.custom_data.begin(), entry.custom_data.end(),
                                          [](const kdbx::CustomDataItem& d) { return d.key == item_layout_key; });
    if (layout_data != entry.custom_data.end()) layout = read_layout(layout_data->value, source);
    ScopeReading scope = read_scope(strings);
    if (layout.id) item.id = std::move(*layout.id);
    item.subtitle = std::move(layout.subtitle);
    item.favorite = layout.favorite;
    if (layout.tags) item.tags = std::move(*layout.tags);
    EntryExtras extras;
    if (!layout.has_creation) {
        item.creation_at.reset();
        extras.creation = entry.times.creation;
    }
    if (!layout.has_modification) {
        item.modified_at.reset();
        extras.modification = entry.times.last_modification;
    }
    for (std::size_t i = 0; i < scope.apps.size() && i < layout.apps.size(); ++i) {
        scope.apps[i].name = std::move(layout.apps[i].name);
        scope.apps[i].certificate = std::move(layout.apps[i].certificate);
    }
    if (!scope.urls.empty() || !scope.apps.empty() || layout.empty_scope)
        item.scope = CredentialScope{scope.urls, std::move(scope.apps)};
    item.credentials = std::move(layout.credentials);

    PlainReading plain = read_plain(strings);
    for (Credential& c : plain.credentials) item.credentials.push_back(std::move(c));
    for (std::size_t i = 0; i < entry.binaries.size(); ++i)
        if (!source.binary_used[i]) item.credentials.emplace_back(read_attachment(source, i, attachment_id(uuid, version, i)));
    for (const std::string& problem : layout.problems) context.report.changed(place, problem);
    for (const std::string& problem : plain.problems) context.report.changed(place, problem);

    std::vector<StringSlot> expected;
    for (const std::string_view key : standard_keys) expected.push_back({std::string(key), standard_protect(context.meta, key)});
    for (const std::string& key : scope.url_keys)
        if (key != url_key) expected.push_back({key, false});
    for (const std::string& key : scope.app_keys) expected.push_back({key, false});
    for (const std::size_t i : source.written_order)
        if (std::find(std::begin(standard_keys), std::end(standard_keys), strings.at(i).key) == std::end(standard_keys))
            expected.push_back({strings.at(i).key, strings.at(i).protect});
    expected.insert(expected.end(), plain.written.begin(), plain.written.end());
    std::vector<StringSlot> actual;
    add_slots(actual, entry.strings);
    if (actual != expected) extras.strings = std::move(actual);
    if (scope.url_keys != fresh_url_keys(scope.urls.size())) extras.url_keys = std::move(scope.url_keys);
    if (scope.app_keys != fresh_app_keys(scope.app_keys.size())) extras.app_keys = std::move(scope.app_keys);
    if (std::any_of(scope.app_prefixes.begin(), scope.app_prefixes.end(), [](const std::string& p) { return !p.empty(); }))
        extras.app_prefixes = std::move(scope.app_prefixes);
    if (plain.passkey && !same_spelling(*plain.passkey, PasskeySpelling::fresh())) extras.passkey = std::move(plain.passkey);
    if (!plain.totp_parts.empty()) extras.totp = std::move(plain.totp_parts);
    if (!context.canonical_pool && !entry.binaries.empty()) {
        extras.binaries.emplace();
        for (const kdbx::BinaryRef& ref : entry.binaries) extras.binaries->push_back(ref.index);
    }
    item.extensions = carried_extensions(entry.custom_data, place, context.report);
    kdbx::Entry members = entry_members(entry);
    std::erase_if(members.custom_data, [](const kdbx::CustomDataItem& d) {
        return d.key == item_layout_key || d.key == extensions_key;
    });
    if (crypto::Secret json = entry_extension(members, extras); !json.empty())
        add_extension(item.extensions, std::move(json));
    return {std::move(item), layout.position};
}

}  // namespace

PlainReading read_plain(StringTable& strings) {
    PlainReading r;
    BasicAuth auth;
    if (const auto i = strings.take(user_name_key)) auth.username = text_field(FieldType::string, strings.at(*i).value.view());
    if (const auto i = strings.take(password_key))
        auth.password = text_field(FieldType::concealed_string, strings.at(*i).value.view());
    if (auth.username || auth.password) r.credentials.emplace_back(std::move(auth));

    std::string problem;
    if (auto passkey = read_passkey(strings, problem)) {
        add_slots(r.written, passkey_attributes(passkey->passkey, passkey->spelling));
        r.passkey = std::move(passkey->spelling);
        r.credentials.emplace_back(std::move(passkey->passkey));
    } else if (!problem.empty()) {
        r.problems.push_back(std::move(problem));
    }

    if (auto totp = read_totp(strings, r.problems)) {
        const auto rendered = totp->parts.empty() ? std::nullopt : render_parts(totp->parts, totp->totp);
        if (rendered) add_slots(r.written, *rendered);
        else r.written.push_back({std::string(otp_key), true});
        if (!fresh_spelling(totp->parts, totp->totp)) r.totp_parts = std::move(totp->parts);
        r.credentials.emplace_back(std::move(totp->totp));
    }
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const std::string_view key = strings.at(i).key;
        if (!strings.used(i) && key.substr(0, hmac_otp_prefix.size()) == hmac_otp_prefix) {
            r.problems.push_back("HOTP attributes kept as custom fields: CXF has no HOTP");
            break;
        }
    }

    if (const auto i = strings.take(notes_key); i && !strings.at(*i).value.empty()) {
        Note note;
        note.content = make_field(FieldType::string, strings.at(*i).value.view());
        r.credentials.emplace_back(std::move(note));
    }

    CustomFields custom;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        if (strings.used(i)) continue;
        const kdbx::StringField& s = strings.at(i);
        if (std::find(std::begin(standard_keys), std::end(standard_keys), s.key) != std::end(standard_keys)) continue;
        EditableField f(s.protect ? FieldType::concealed_string : FieldType::string, s.value.view());
        f.label = s.key;
        custom.fields.push_back(std::move(f));
        r.written.push_back({s.key, s.protect});
        strings.use(i);
    }
    if (!custom.fields.empty()) r.credentials.emplace_back(std::move(custom));
    return r;
}

EntryReading read_entry(const kdbx::Entry& entry, const EntryContext& context, const std::string& place,
                        const std::optional<kdbx::Uuid>& fresh_uuid) {
    EntryReading r = read_version(entry, fresh_uuid.value_or(entry.uuid), context, place, 0);
    for (std::size_t k = 0; k < entry.history.size(); ++k) {
        const kdbx::Entry& old = entry.history[k];
        r.item.history.push_back(read_version(old, fresh_uuid.value_or(old.uuid), context,
                                              place + " (history " + std::to_string(k + 1) + ")", k + 1)
                                     .item);
    }
    return r;
}

bool standard_protect(const kdbx::Meta& meta, std::string_view key) noexcept {
    const kdbx::MemoryProtection& p = meta.memory_protection;
    if (key == title_key) return p.title;
    if (key == user_name_key) return p.user_name;
    if (key == password_key) return p.password;
    if (key == url_key) return p.url;
    if (key == notes_key) return p.notes;
    return false;
}

kdbx::Entry entry_members(const kdbx::Entry& e) {
    kdbx::Entry m;
    m.uuid = e.uuid;
    m.icon_id = e.icon_id;
    m.custom_icon = e.custom_icon;
    m.foreground_color = e.foreground_color;
    m.background_color = e.background_color;
    m.override_url = e.override_url;
    m.quality_check = e.quality_check;
    m.tags = e.tags;
    m.previous_parent_group = e.previous_parent_group;
    m.times = e.times;
    m.auto_type = e.auto_type;
    m.custom_data = e.custom_data;
    m.unknown = e.unknown;
    return m;
}

}  // namespace cxf::kdbx_map
