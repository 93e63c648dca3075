// SPDX-License-Identifier: MIT
// Chrome's column order, quoted only where RFC 4180 needs it. A login with several websites and
// Android apps becomes one row per website, then one per app (android://HASH@PACKAGE/), each with the
// same name, username, password and note: Chrome itself keeps one login per site. The older header
// without `note` is written back when the vault was read from one and no login has a note.
#include "exporters/chrome_csv/write.h"

#include <algorithm>

#include "cxf/browser_csv/map/android_url.h"
#include "cxf/browser_csv/map/columns.h"
#include "cxf/json/extension.h"
#include "exporters/browser_csv/logins.h"

namespace cxf::chrome_csv {

namespace {

using namespace browser_csv;

constexpr std::string_view format_name = "Chrome CSV";

bool without_note(const Vault& vault, const std::vector<Login>& logins) {
    if (vault.accounts.empty()) return false;
    const json::ExtensionView own(vault.accounts.front().extensions, chrome_extension);
    return own.string(chrome_layout_member) == chrome_without_note &&
           std::none_of(logins.begin(), logins.end(), [](const Login& l) { return !l.notes.empty(); });
}

// The URL the file was read with while it still names this app, else Chrome's spelling of it.
std::string app_url(const Login& login, const AndroidApp& app, Report& report) {
    const json::ExtensionView own(login.item->extensions, chrome_extension);
    if (const auto kept = own.string("url"))
        if (const auto parsed = parse_android_url(*kept); parsed && same_app(parsed->app, app)) return std::string(*kept);
    if (!app.certificate)
        report.changed(login.place, "Android app '" + app.bundle_id + "' has no certificate hash: written as " +
                                        android_url(app) + ", which Chrome may not match to the app", "urls");
    else if (app.certificate->hash_alg != "sha512")
        report.changed(login.place, "the certificate of Android app '" + app.bundle_id + "' is a " +
                                        app.certificate->hash_alg + " hash; Chrome matches apps by their SHA-512 hash", "urls");
    return android_url(app);
}

}  // namespace

void write(const Vault& vault, io::Output& out, const WriteOptions&, Report& report) {
    const Holds holds{.format = format_name, .own_extension = chrome_extension, .notes = true, .android_apps = true};
    const std::vector<Login> logins = plan_logins(vault, holds, report);
    const bool note = !without_note(vault, logins);
    csv::Writer writer(out);
    if (note) writer.row(chrome_header);
    else writer.row(chrome_header_without_note);
    for (const Login& login : logins) {
        const auto row = [&](std::string_view url) {
            const std::string_view cells[] = {login.item->title, url, login.username, login.password, login.notes.view()};
            write_row(writer, std::span(cells).first(note ? 5 : 4), login.place);
        };
        if (login.urls.empty() && login.apps.empty()) row({});
        for (const std::string_view url : login.urls) row(url);
        for (const AndroidApp* app : login.apps) row(app_url(login, *app, report));
    }
}

}  // namespace cxf::chrome_csv
