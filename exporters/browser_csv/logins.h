// SPDX-License-Identifier: MIT
// What the Apple, Chrome and Firefox CSV writers share: a browser's CSV holds logins only — a username
// and password for websites, and in some formats a note and a TOTP. This plans the rows of a vault and
// reports, the same way for the three, everything such a file cannot hold.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/csv/csv.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::browser_csv {

// What a format holds beyond a login's username, password and website.
struct Holds {
    std::string_view format;  // "Chrome CSV", as reasons name it
    std::string_view own_extension;  // its cxf.local/<format>, which is not reported lost
    bool notes = false;
    bool totp = false;
    bool android_apps = false;
    bool timestamps = false;
    bool titles = true;  // false: the title is the URL's host (Firefox)
};

// An item written as one row per website and per Android app (one row without a URL when it has none).
struct Login {
    const Item* item = nullptr;
    std::string place;
    std::string_view username, password;
    const Totp* totp = nullptr;  // the first, when the format holds TOTP
    crypto::Secret notes;        // every note, a blank line between them, when the format holds notes
    std::vector<std::string_view> urls;
    std::vector<const AndroidApp*> apps;  // when the format holds Android apps
};

// The items that are logins (a basic-auth, a website or Android app, or a TOTP where the format holds
// it), in vault order. Everything the format cannot hold is reported lost with its Feature, and each
// item that is not a login as skipped; an item written as several rows is reported as changed.
std::vector<Login> plan_logins(const Vault& vault, const Holds& holds, Report& report);

// Writes one row, after checking that every cell is UTF-8 (Errc::invalid at `place` otherwise).
void write_row(csv::Writer& writer, std::span<const std::string_view> cells, const std::string& place);

}  // namespace cxf::browser_csv
