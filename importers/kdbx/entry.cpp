// SPDX-License-Identifier: MIT
#include "importers/kdbx/entry.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "cxf/kdbx/map/entry_source.h"
#include "cxf/kdbx/map/extension.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/passkey.h"
#include "cxf/kdbx/map/plain.h"
#include "cxf/kdbx/map/totp.h"
#include "cxf/kdbx/map/urls.h"
#include "cxf/otp/otpauth.h"
#include "importers/kdbx/layout.h"

namespace cxf::kdbx_map {

namespace {

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
    item.creation_at = entry.times.creation.to_unix();
    item.modified_at = entry.times.last_modification.to_unix();
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

    // The strings' keys and protection in the order cxf writes them, as views: a copy of each was 1 %
    // of reading a KDBX, and the file's own order is kept only when it differs.
    std::vector<std::pair<std::string_view, bool>> expected;
    expected.reserve(entry.strings.size());
    for (const std::string_view key : standard_keys) expected.emplace_back(key, standard_protect(context.meta, key));
    for (const std::string& key : scope.url_keys)
        if (key != url_key) expected.emplace_back(key, false);
    for (const std::string& key : scope.app_keys) expected.emplace_back(key, false);
    for (const std::size_t i : source.written_order)
        if (std::find(std::begin(standard_keys), std::end(standard_keys), strings.at(i).key) == std::end(standard_keys))
            expected.emplace_back(strings.at(i).key, strings.at(i).protect);
    for (const StringSlot& s : plain.written) expected.emplace_back(s.key, s.protect);
    const auto as_expected = [](const kdbx::StringField& f, const std::pair<std::string_view, bool>& e) {
        return f.key == e.first && f.protect == e.second;
    };
    if (!std::equal(entry.strings.begin(), entry.strings.end(), expected.begin(), expected.end(), as_expected)) {
        extras.strings.emplace();
        add_slots(*extras.strings, entry.strings);
    }
    if (scope.url_keys != fresh_url_keys(scope.urls.size())) extras.url_keys = std::move(scope.url_keys);
    if (scope.app_keys != fresh_app_keys(scope.app_keys.size())) extras.app_keys = std::move(scope.app_keys);
    if (std::any_of(scope.app_prefixes.begin(), scope.app_prefixes.end(), [](const std::string& p) { return !p.empty(); }))
        extras.app_prefixes = std::move(scope.app_prefixes);
    if (plain.passkey && !same_spelling(*plain.passkey, PasskeySpelling::fresh())) extras.passkey = std::move(plain.passkey);
    if (!plain.totp_parts.empty()) extras.totp = std::move(plain.totp_parts);
    item.extensions = carried_extensions(entry.custom_data, place, context.report);
    kdbx::Entry members = entry_members(entry);
    std::erase_if(members.custom_data, [](const kdbx::CustomDataItem& d) {
        return d.key == item_layout_key || d.key == extensions_key;
    });
    json::add_extension(item.extensions, extension_name, entry_extension(members, extras));
    return {std::move(item), layout.position, {std::move(source.awaiting_bytes)}};
}

}  // namespace


EntryReading read_entry(const kdbx::Entry& entry, const EntryContext& context, const std::string& place,
                        const std::optional<kdbx::Uuid>& fresh_uuid) {
    EntryReading r = read_version(entry, fresh_uuid.value_or(entry.uuid), context, place, 0);
    for (std::size_t k = 0; k < entry.history.size(); ++k) {
        const kdbx::Entry& old = entry.history[k];
        EntryReading version = read_version(old, fresh_uuid.value_or(old.uuid), context,
                                            place + " (history " + std::to_string(k + 1) + ")", k + 1);
        r.item.history.push_back(std::move(version.item));
        r.awaiting_bytes.push_back(std::move(version.awaiting_bytes.front()));
    }
    return r;
}



}  // namespace cxf::kdbx_map
