// SPDX-License-Identifier: MIT
// URL and KeePassXC/KeePassDX additional-URL attributes ↔ Item::scope (kdbx.md §3.3).
#pragma once

#include <string>
#include <vector>

#include "cxf/kdbx/map/strings.h"
#include "cxf/model/vault.h"

namespace cxf::kdbx_map {

struct ScopeReading {
    std::vector<std::string> urls, url_keys;
    std::vector<AndroidApp> apps;
    std::vector<std::string> app_keys;
    std::vector<std::string> app_prefixes;  // "androidapp://" when the value had it, else empty
};

// Uses URL, KP2A_URL, KP2A_URL_n, URL_n (non-empty) and AndroidApp, AndroidApp_n (a package name,
// with or without KeePass2Android's "androidapp://").
ScopeReading read_scope(StringTable& strings);

// Whether read_scope would take an attribute of this name as a URL or an app.
bool is_scope_key(std::string_view key) noexcept;

// The keys cxf gives n URLs (URL, KP2A_URL_1, KP2A_URL_2, … as KeePassXC's importers do) and n apps
// (AndroidApp, AndroidApp_1, … as KeePassDX does).
std::vector<std::string> fresh_url_keys(std::size_t count);
std::vector<std::string> fresh_app_keys(std::size_t count);

}  // namespace cxf::kdbx_map
