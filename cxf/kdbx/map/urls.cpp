// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/urls.h"

#include <algorithm>

#include "cxf/kdbx/map/names.h"

namespace cxf::kdbx_map {

namespace {

bool digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool numbered(std::string_view key, std::string_view base) {
    return key == base || (key.size() > base.size() + 1 && key.substr(0, base.size()) == base &&
                           key[base.size()] == '_' && digits(key.substr(base.size() + 1)));
}

bool extra_url_key(std::string_view key) {
    return numbered(key, kp2a_url_prefix) ||
           (key.size() > keepassdx_url_prefix.size() && key.substr(0, keepassdx_url_prefix.size()) == keepassdx_url_prefix &&
            digits(key.substr(keepassdx_url_prefix.size())));
}

std::vector<std::string> numbered_keys(std::string_view base, std::string_view first, std::size_t count) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < count; ++i)
        keys.push_back(i == 0 ? std::string(first) : std::string(base) + "_" + std::to_string(i));
    return keys;
}

}  // namespace

ScopeReading read_scope(StringTable& strings) {
    ScopeReading scope;
    if (const auto i = strings.take(url_key); i && !strings.at(*i).value.empty()) {
        scope.urls.emplace_back(strings.at(*i).value.view());
        scope.url_keys.emplace_back(url_key);
    }
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const kdbx::StringField& s = strings.at(i);
        if (strings.used(i) || s.value.empty()) continue;
        if (extra_url_key(s.key)) {
            scope.urls.emplace_back(s.value.view());
            scope.url_keys.push_back(s.key);
            strings.use(i);
        } else if (numbered(s.key, android_app_key)) {
            AndroidApp app;
            std::string_view id = s.value.view();
            const bool prefixed = id.substr(0, android_app_scheme.size()) == android_app_scheme;
            if (prefixed) id.remove_prefix(android_app_scheme.size());
            app.bundle_id = std::string(id);
            scope.apps.push_back(std::move(app));
            scope.app_keys.push_back(s.key);
            scope.app_prefixes.emplace_back(prefixed ? android_app_scheme : std::string_view());
            strings.use(i);
        }
    }
    return scope;
}

bool is_scope_key(std::string_view key) noexcept {
    return key == url_key || extra_url_key(key) || numbered(key, android_app_key);
}

std::vector<std::string> fresh_url_keys(std::size_t count) { return numbered_keys(kp2a_url_prefix, url_key, count); }

std::vector<std::string> fresh_app_keys(std::size_t count) {
    return numbered_keys(android_app_key, android_app_key, count);
}

}  // namespace cxf::kdbx_map
