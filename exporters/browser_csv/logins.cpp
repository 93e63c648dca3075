// SPDX-License-Identifier: MIT
#include "exporters/browser_csv/logins.h"

#include <algorithm>
#include <optional>

#include "cxf/browser_csv/map/firefox.h"
#include "cxf/error.h"
#include "cxf/json/utf8.h"
#include "cxf/plugin/losses.h"

namespace cxf::browser_csv {

namespace {

class Planner {
public:
    Planner(const Holds& holds, Report& report) : holds_(holds), report_(report), format_(holds.format) {}

    void account(const Account& account, std::size_t a, std::vector<Login>& logins) {
        const std::string base = "/accounts/" + std::to_string(a);
        if (!account.username.empty() || !account.email.empty() || account.full_name)
            report_.lost(Feature::folders, base, {}, "account", format_ + " names no account: its username, e-mail and name are not written");
        collections(account.collections, base + "/collections");
        for (std::size_t i = 0; i < account.items.size(); ++i)
            if (auto login = item(account.items[i], item_place(a, i))) logins.push_back(std::move(*login));
    }

private:
    void collections(const std::vector<Collection>& collections, const std::string& base) {
        for (std::size_t i = 0; i < collections.size(); ++i) {
            const std::string place = base + "/" + std::to_string(i);
            report_.lost(Feature::folders, place, {}, "collection:" + collections[i].title, format_ + " has no folders");
            this->collections(collections[i].sub_collections, place + "/subCollections");
        }
    }

    void lost(Feature feature, const std::string& place, const std::string& field, const std::string& reason) {
        report_.lost(feature, place, item_->title, field, reason);
    }
    void lost_detail(Feature feature, const std::string& place, const std::string& field, const std::string& reason) {
        report_.lost_detail(feature, place, item_->title, field, reason);
    }
    // A feature the format holds on a login is lost only as a detail of an item that is not written.
    void lost_here(Feature feature, bool held, const std::string& place, const std::string& field, const std::string& reason) {
        if (held) lost_detail(feature, place, field, reason);
        else lost(feature, place, field, reason);
    }

    void label(const Field& field, const std::string& place, std::string_view member) {
        if (field && field->label)
            lost_detail(Feature::logins, place, "label:" + std::string(member), format_ + "'s columns have fixed names");
    }

    void credentials(const Item& item, const std::string& place, Login& login) {
        const BasicAuth* auth = nullptr;
        bool has_notes = false;
        for (std::size_t c = 0; c < item.credentials.size(); ++c) {
            const Credential& credential = item.credentials[c];
            const std::string at = place + "/credentials/" + std::to_string(c);
            if (const auto* a = std::get_if<BasicAuth>(&credential)) {
                if (auth) {
                    lost_detail(Feature::logins, at, "credential:basic-auth", "a row holds one username and password");
                    continue;
                }
                auth = a;
                label(a->username, at + "/username", "username");
                label(a->password, at + "/password", "password");
            } else if (const auto* t = std::get_if<Totp>(&credential)) {
                if (!holds_.totp) lost(Feature::totp, at, "totp", format_ + " has no one-time passwords");
                else if (login.totp) lost_detail(Feature::totp, at, "totp", "a row holds one one-time password");
                else login.totp = t;
            } else if (const auto* n = std::get_if<Note>(&credential)) {
                if (!holds_.notes) {
                    lost(Feature::notes, at, "note", format_ + " has no notes");
                    continue;
                }
                if (has_notes) {
                    login.notes.append("\n\n");
                    report_.changed(at, "a second note joined to the first with a blank line", "note");
                }
                if (n->content) login.notes.append(n->content->value.view());
                label(n->content, at + "/content", "note");
                has_notes = true;
            } else if (std::holds_alternative<Passkey>(credential)) {
                lost(Feature::passkeys, at, "passkey", format_ + " holds no passkeys: they move only through credential exchange (CXP)");
            } else if (const auto* file = std::get_if<File>(&credential)) {
                lost(Feature::attachments, at, "attachment:" + file->name, format_ + " holds no files");
            } else if (const auto* custom = std::get_if<CustomFields>(&credential)) {
                lost(Feature::custom_fields, at, "custom-fields" + (custom->label ? ":" + *custom->label : std::string()),
                     format_ + " has no custom fields");
            } else {
                const Feature feature = feature_of(credential);
                const std::string field = "credential:" + std::string(credential_type(credential));
                // A generated password or an item reference: details of logins and folders.
                const bool detail = feature == Feature::logins || feature == Feature::folders;
                lost_here(feature, detail, at, field, format_ + " holds only logins");
            }
        }
        if (auth) {
            if (auth->username) login.username = auth->username->value.view();
            if (auth->password) login.password = auth->password->value.view();
        }
    }

    void scope(const Item& item, const std::string& place, Login& login) {
        if (!item.scope) return;
        for (const std::string& url : item.scope->urls) login.urls.push_back(url);
        for (std::size_t i = 0; i < item.scope->android_apps.size(); ++i) {
            const AndroidApp& app = item.scope->android_apps[i];
            const std::string at = place + "/scope/androidApps/" + std::to_string(i);
            if (!holds_.android_apps) {
                lost_detail(Feature::logins, at, "android-app:" + app.bundle_id, format_ + " holds websites only");
                continue;
            }
            if (app.name) lost_detail(Feature::logins, at + "/name", "android-app:" + app.bundle_id, format_ + " keeps no app names");
            login.apps.push_back(&app);
        }
    }

    void item_details(const Item& item, const std::string& place) {
        if (!item.history.empty()) lost(Feature::history, place + "/history", "history", format_ + " keeps no history");
        if (!item.tags.empty()) lost(Feature::tags, place, "tags", format_ + " has no tags");
        if (!holds_.timestamps && (item.creation_at || item.modified_at))
            lost(Feature::timestamps, place, "timestamps", format_ + " keeps no dates");
        if (item.subtitle) lost_detail(Feature::logins, place, "subtitle", format_ + " has no subtitle column");
        if (item.favorite) lost_detail(Feature::logins, place, "favorite", format_ + " has no favourites");
    }

    bool is_login(const Item& item, const Login& login) const {
        const bool auth = std::any_of(item.credentials.begin(), item.credentials.end(),
                                      [](const Credential& c) { return std::holds_alternative<BasicAuth>(c); });
        return auth || !login.urls.empty() || !login.apps.empty() || login.totp;
    }

    std::optional<Login> item(const Item& item, const std::string& place) {
        item_ = &item;
        Login login;
        login.item = &item;
        login.place = place;
        scope(item, place, login);
        credentials(item, place, login);
        item_details(item, place);
        if (!is_login(item, login)) {
            if (!login.notes.empty()) lost_detail(Feature::notes, place, "note", "only logins are written");
            report_.skipped(place, item.title, format_ + " holds only logins: this item has no username, password or website");
            return std::nullopt;
        }
        const std::string first_url = login.urls.empty() ? std::string() : std::string(login.urls.front());
        if (!holds_.titles && item.title != title_from_url(first_url))
            lost_detail(Feature::logins, place, "title", format_ + " has no title: its readers name a login by the website's host");
        const std::size_t rows = login.urls.size() + login.apps.size();
        if (rows > 1)
            report_.changed(place, "written as " + std::to_string(rows) + " rows, one per website and app, as " + format_ +
                                       " keeps one login per site", "urls");
        return login;
    }

    const Holds& holds_;
    Report& report_;
    std::string format_;
    const Item* item_ = nullptr;
};

}  // namespace

std::vector<Login> plan_logins(const Vault& vault, const Holds& holds, Report& report) {
    report_extensions_lost(vault, holds.own_extension, holds.format, report);
    Planner planner(holds, report);
    std::vector<Login> logins;
    for (std::size_t a = 0; a < vault.accounts.size(); ++a) planner.account(vault.accounts[a], a, logins);
    return logins;
}

void write_row(csv::Writer& writer, std::span<const std::string_view> cells, const std::string& place) {
    for (const std::string_view cell : cells)
        if (!json::valid_utf8(cell)) throw Error(Errc::invalid, {"", place}, "text is not valid UTF-8");
    writer.row(cells);
}

}  // namespace cxf::browser_csv
