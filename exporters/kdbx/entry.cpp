// SPDX-License-Identifier: MIT
#include "exporters/kdbx/entry.h"

#include <algorithm>

#include "cxf/encoding/base64.h"
#include "cxf/kdbx/map/entry_source.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/plain.h"
#include "cxf/kdbx/map/urls.h"
#include "cxf/plugin/losses.h"
#include "exporters/kdbx/compare.h"
#include "exporters/kdbx/credentials.h"

namespace cxf::kdbx_map {

namespace {

struct Written {
    std::vector<kdbx::StringField> strings;
    std::vector<kdbx::BinaryRef> binaries;
    crypto::Secret layout;  // the "credentials" array
};

class EntryWriter {
public:
    EntryWriter(const Item& live, WriteContext& context) : live_(live), ctx_(context), uuid_(uuid_for(live.id)) {}

    // `memo`: whether the plain mapping gives this version back, when known; else it is found here.
    kdbx::Entry version(const Item& v, const std::string& place, std::size_t version_index, std::optional<std::size_t> position,
                        std::optional<bool>& memo) {
        kdbx::Entry e;
        e.uuid = uuid_;
        const EntryExtras extras = read_entry_extension(json::find_extension(v.extensions, extension_name), e, v.creation_at, v.modified_at, ctx_.now);
        e.tags = v.tags;

        std::vector<std::string> urls;
        if (v.scope) {
            for (const std::string& url : v.scope->urls) {
                if (url.empty()) ctx_.report.changed(place, "an empty URL was left out", "url");
                else urls.push_back(url);
            }
        }
        const std::size_t staged = ctx_.staging.blobs.size();
        const bool tried_plain = memo.value_or(true);
        Written w = write_strings(v, urls, extras, place, tried_plain);
        if (!memo) memo = plain_gives_back(v, urls, w, version_index);
        const bool plain = *memo;
        if (!plain && tried_plain) {
            ctx_.staging.truncate(staged);  // the second try stages the attachments again
            w = write_strings(v, urls, extras, place, false);
        }

        const std::string layout = item_layout(v, position, plain ? nullptr : &w);
        if (!layout.empty()) e.custom_data.push_back({std::string(item_layout_key), layout, std::nullopt});
        carry_extensions(v.extensions, e.custom_data);

        e.strings = ordered(std::move(w.strings), extras);
        e.binaries = std::move(w.binaries);
        return e;
    }

private:
    // CXF_ITEM: the item's members KDBX has no place for, and the credentials' layout when the plain
    // mapping does not give them back (`laid_out`); empty when there is nothing to say.
    std::string item_layout(const Item& v, std::optional<std::size_t> position, const Written* laid_out) const {
        json::Builder layout;
        layout.begin_object();
        if (v.id != Id(uuid_.begin(), uuid_.end())) layout.key("id").string(encoding::base64url_encode(v.id));
        if (v.subtitle) layout.key("subtitle").string(*v.subtitle);
        if (v.favorite) layout.key("favorite").boolean(true);
        if (!v.creation_at) layout.key("created").boolean(false);
        if (!v.modified_at) layout.key("modified").boolean(false);
        if (v.scope && v.scope->urls.empty() && v.scope->android_apps.empty()) layout.key("scope").boolean(true);
        if (v.scope && std::any_of(v.scope->android_apps.begin(), v.scope->android_apps.end(),
                                   [](const AndroidApp& a) { return a.name || a.certificate; })) {
            layout.key("androidApps").begin_array();
            for (const AndroidApp& a : v.scope->android_apps) {
                layout.begin_object();
                if (a.name) layout.key("name").string(*a.name);
                if (a.certificate) {
                    layout.key("certificate").begin_object();
                    layout.key("fingerprint").string(encoding::base64url_encode(a.certificate->fingerprint));
                    layout.key("hashAlg").string(a.certificate->hash_alg);
                    layout.end_object();
                }
                layout.end_object();
            }
            layout.end_array();
        }
        if (position) layout.key("position").unsigned_integer(*position);
        // KeePass splits tags at ';', ',' and tabs and trims them: tags it would change are kept here.
        if (std::any_of(v.tags.begin(), v.tags.end(), [](const std::string& t) {
                return t.empty() || t.find_first_of(";,\t") != std::string::npos || t.front() == ' ' || t.back() == ' ';
            })) {
            layout.key("tags").begin_array();
            for (const std::string& t : v.tags) layout.string(t);
            layout.end_array();
        }
        if (laid_out) layout.key("credentials").raw(laid_out->layout.view());
        layout.end_object();
        const crypto::Secret json = layout.take();
        return json.size() > 2 ? std::string(json.view()) : std::string();
    }

    // `plain`: the first try, keeping the file's spellings; else every credential is laid out.
    Written write_strings(const Item& v, const std::vector<std::string>& urls, const EntryExtras& extras,
                          const std::string& place, bool plain) {
        Written w;
        Attributes attributes(ctx_.meta);
        attributes.set_standard(title_key, v.title);
        const std::vector<std::string> url_keys =
            extras.url_keys && extras.url_keys->size() == urls.size() ? *extras.url_keys : fresh_url_keys(urls.size());
        for (std::size_t i = 0; i < urls.size(); ++i) {
            if (url_keys[i] == url_key) attributes.set_standard(url_key, urls[i]);
            else attributes.add_exact({url_keys[i], crypto::Secret(urls[i]), false});
        }
        const std::size_t apps = v.scope ? v.scope->android_apps.size() : 0;
        const std::vector<std::string> app_keys =
            extras.app_keys && extras.app_keys->size() == apps ? *extras.app_keys : fresh_app_keys(apps);
        const bool prefixes = extras.app_prefixes && extras.app_prefixes->size() == apps;
        for (std::size_t i = 0; i < apps; ++i) {
            crypto::Secret value(prefixes ? (*extras.app_prefixes)[i] : std::string());
            value.append(v.scope->android_apps[i].bundle_id);
            attributes.add_exact({app_keys[i], std::move(value), false});
        }

        json::Builder layout;
        layout.begin_array();
        CredentialWriter writer({attributes, w.binaries, layout, ctx_.staging, extras, plain});
        writer.reserve(v);
        for (std::size_t i = 0; i < v.credentials.size(); ++i)
            if (!writer.write(v.credentials[i]) && plain)
                ctx_.report.lost_detail(feature_of(v.credentials[i]), place + "/credentials/" + std::to_string(i), live_.title,
                                 std::string(credential_type(v.credentials[i])),
                                 "KeePass KDBX has no place for this credential type");
        layout.end_array();
        w.strings = attributes.take();
        w.layout = layout.take();
        return w;
    }

    // Whether the plain KDBX mapping reads these strings and attachments back as this item's
    // credentials (then no layout is needed).
    bool plain_gives_back(const Item& v, const std::vector<std::string>& urls, const Written& w, std::size_t version_index) const {
        StringTable table(w.strings);
        table.take(title_key);
        const ScopeReading scope = read_scope(table);
        std::vector<std::string> apps, read_apps;
        if (v.scope)
            for (const AndroidApp& a : v.scope->android_apps) apps.push_back(a.bundle_id);
        for (const AndroidApp& a : scope.apps) read_apps.push_back(a.bundle_id);
        if (scope.urls != urls || read_apps != apps) return false;
        const PlainReading plain = read_plain(table);
        const auto first_file = std::find_if(v.credentials.begin(), v.credentials.end(),
                                             [](const Credential& c) { return std::holds_alternative<File>(c); });
        const auto others = static_cast<std::size_t>(first_file - v.credentials.begin());
        if (plain.credentials.size() != others) return false;
        for (std::size_t i = 0; i < others; ++i)
            if (!same(plain.credentials[i], v.credentials[i])) return false;
        if (static_cast<std::size_t>(v.credentials.end() - first_file) != w.binaries.size()) return false;
        for (std::size_t i = 0; i < w.binaries.size(); ++i) {
            const File* f = std::get_if<File>(&v.credentials[others + i]);
            if (!f || !f->data || f->name != w.binaries[i].key || f->id != attachment_id(uuid_, version_index, i)) return false;
        }
        return true;
    }

    // The file's order and protection flags, when the item came from KDBX.
    static std::vector<kdbx::StringField> ordered(std::vector<kdbx::StringField> strings, const EntryExtras& extras) {
        if (!extras.strings) return strings;
        std::vector<kdbx::StringField> out;
        std::vector<bool> placed(strings.size(), false);
        for (const StringSlot& slot : *extras.strings) {
            for (std::size_t i = 0; i < strings.size(); ++i) {
                if (placed[i] || strings[i].key != slot.key) continue;
                placed[i] = true;
                strings[i].protect = slot.protect;
                out.push_back(std::move(strings[i]));
                break;
            }
        }
        for (std::size_t i = 0; i < strings.size(); ++i) {
            if (placed[i]) continue;
            const bool standard = std::find(std::begin(standard_keys), std::end(standard_keys), strings[i].key) != std::end(standard_keys);
            // A standard string the file did not have stays out while it is empty.
            if (standard && strings[i].value.empty()) continue;
            out.push_back(std::move(strings[i]));
        }
        return out;
    }

    const Item& live_;
    WriteContext& ctx_;
    kdbx::Uuid uuid_;
};

}  // namespace

kdbx::Entry write_entry(const Item& item, WriteContext& context, const std::string& place, std::optional<std::size_t> position,
                        PlainMemo& memo) {
    EntryWriter writer(item, context);
    const bool remember = item.history.size() < 64;
    const auto mapped = [&](const Item& v, const std::string& v_place, std::size_t k, std::optional<std::size_t> at) {
        std::optional<bool> plain;
        if (memo.known) plain = (memo.plain >> k & 1) != 0;
        kdbx::Entry e = writer.version(v, v_place, k, at, plain);
        if (remember && !memo.known && *plain) memo.plain |= std::uint64_t{1} << k;
        return e;
    };
    kdbx::Entry entry = mapped(item, place, 0, position);
    for (std::size_t k = 0; k < item.history.size(); ++k) {
        const Item& old = item.history[k];
        const std::string old_place = place + "/history/" + std::to_string(k);
        if (!old.history.empty())
            context.report.lost_detail(Feature::history, old_place, item.title, "nested history", "a KDBX history entry has no history of its own");
        entry.history.push_back(mapped(old, old_place, k + 1, std::nullopt));
    }
    memo.known = remember;
    return entry;
}

}  // namespace cxf::kdbx_map
