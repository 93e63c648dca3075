// SPDX-License-Identifier: MIT
// A 1PUX item's "overview" → title, subtitle, scope (url and urls), tags. The rest (password
// strength, icons, Watchtower exclusions) is kept in the extension.
#include <algorithm>

#include "importers/onepux/item_source.h"

namespace cxf::onepux {

namespace {

constexpr std::string_view default_url_label = "website";

struct LabelledUrl {
    std::string url;
    std::string label;
};

std::vector<LabelledUrl> read_urls(const json::Cursor& urls, ItemSource& source) {
    std::vector<LabelledUrl> out;
    bool odd = false;
    for (const json::Cursor u : source.expect(urls, json::Kind::array).elements()) {
        source.expect(u, json::Kind::object);
        LabelledUrl entry{std::string(source.optional_string(u, "url").value_or("")),
                          std::string(source.optional_string(u, "label").value_or(default_url_label))};
        odd = odd || entry.url.empty();  // a labelled entry without a URL makes no scope URL
        out.push_back(std::move(entry));
        for (const auto m : u.members())
            if (m.key != "url" && m.key != "label") odd = true;
    }
    if (odd) source.extension().set("urls", json::to_json(urls));  // what the scope cannot hold: kept whole
    return out;
}

// overview.url first (1Password shows it as the main website), then the urls that are not it.
void set_scope(std::optional<std::string_view> main_url, std::vector<LabelledUrl> urls, ItemSource& source) {
    if (main_url && !main_url->empty() && (urls.empty() || urls.front().url != *main_url)) {
        if (!urls.empty()) source.extension().set_string("url", *main_url);
        if (std::none_of(urls.begin(), urls.end(), [&](const LabelledUrl& u) { return u.url == *main_url; }))
            urls.insert(urls.begin(), LabelledUrl{std::string(*main_url), std::string(default_url_label)});
    }
    CredentialScope scope;
    bool labelled = false;
    for (const LabelledUrl& u : urls) {
        if (u.url.empty()) continue;
        scope.urls.push_back(u.url);
        labelled = labelled || u.label != default_url_label;
    }
    if (labelled)
        for (const LabelledUrl& u : urls)
            if (!u.url.empty()) source.extension().append("urlLabels", json::json_string(u.label));
    if (!scope.urls.empty()) source.item.scope = std::move(scope);
}

}  // namespace

void read_overview(const json::Cursor& overview, ItemSource& source) {
    std::optional<std::string_view> main_url;
    std::vector<LabelledUrl> urls;
    for (const auto m : overview.members()) {
        if (m.key == "title") source.item.title = std::string(source.string(m.value));
        else if (m.key == "subtitle") {
            if (const auto subtitle = source.string_or_null(m.value); subtitle && !subtitle->empty())
                source.item.subtitle = std::string(*subtitle);
        } else if (m.key == "url") main_url = source.string_or_null(m.value);
        else if (m.key == "urls") {
            if (!m.value.is_null()) urls = read_urls(m.value, source);
        } else if (m.key == "tags") {
            if (source.array_or_null(m.value))
                for (const json::Cursor tag : m.value.elements()) source.item.tags.emplace_back(source.string(tag));
        } else {
            source.extension().set_in("overview", m.key, json::to_json(m.value));
        }
    }
    set_scope(main_url, std::move(urls), source);
}

}  // namespace cxf::onepux
