// SPDX-License-Identifier: MIT
// The overview, written so that reading it gives the same scope back: overview.url is the main
// website, overview.urls all of them with their labels ("website" unless the extension kept others).
#include <vector>

#include "exporters/onepux/item.h"

namespace cxf::onepux::out {

namespace {

constexpr std::string_view default_label = "website";

struct Urls {
    std::string main;
    std::vector<std::pair<std::string_view, std::string_view>> listed;  // url, label
};

Urls urls_of(const Item& item, const json::Cursor* extension) {
    Urls out;
    if (!item.scope || item.scope->urls.empty()) return out;
    const std::vector<std::string>& urls = item.scope->urls;
    std::vector<std::string_view> labels(urls.size(), default_label);
    if (const auto kept = extension ? extension->find("urlLabels") : std::nullopt; kept && kept->is_array() && kept->size() == urls.size()) {
        std::size_t i = 0;
        for (const json::Cursor label : kept->elements()) {
            if (label.is_string()) labels[i] = label.string();
            ++i;
        }
    }
    const auto main = extension ? extension->find("url") : std::nullopt;
    std::size_t first = 0;
    if (main && main->is_string()) {
        out.main = std::string(main->string());
        // The reader put a main URL that overview.urls did not list in front of them.
        if (urls.size() > 1 && urls.front() == out.main) first = 1;
    } else {
        out.main = urls.front();
    }
    for (std::size_t i = first; i < urls.size(); ++i) out.listed.emplace_back(urls[i], labels[i]);
    return out;
}

}  // namespace

void write_overview(json::Builder& out, const Item& item, const json::Cursor* extension, ItemContext& context) {
    if (item.scope && !item.scope->android_apps.empty())
        context.report.lost_detail(Feature::logins, context.place + "/scope/androidApps", item.title, "android apps",
                                   "1Password items hold websites, not Android apps");
    const Urls urls = urls_of(item, extension);
    out.key("overview").begin_object();
    out.key("subtitle").string(item.subtitle.value_or(""));
    if (const auto kept = extension ? extension->find("urls") : std::nullopt) {
        out.key("urls").copy(*kept);
    } else if (!urls.listed.empty()) {
        out.key("urls").begin_array();
        for (const auto& [url, label] : urls.listed) {
            out.begin_object();
            out.key("label").string(label);
            out.key("url").string(url);
            out.end_object();
        }
        out.end_array();
    }
    out.key("title").string(item.title);
    out.key("url").string(urls.main);
    out.key("tags").begin_array();
    for (const std::string& tag : item.tags) out.string(tag);
    out.end_array();
    if (const auto kept = extension ? extension->find("overview") : std::nullopt; kept && kept->is_object())
        for (const auto m : kept->members()) out.key(m.key).copy(m.value);
    out.end_object();
}

}  // namespace cxf::onepux::out
