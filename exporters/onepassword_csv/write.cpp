// SPDX-License-Identifier: MIT
// One row per item in 1Password 8's column order, quoted only where RFC 4180 needs it. A row holds the
// first login (username, password, first website), the first TOTP as written or as an otpauth:// URI,
// favourite, the archived state, the tags (with each collection as a tag) and the notes. Everything
// else is reported lost, down to the labels of what it writes and the account it cannot name.
#include "exporters/onepassword_csv/write.h"

#include <algorithm>

#include "cxf/csv/csv.h"
#include "cxf/error.h"
#include "cxf/json/extension.h"
#include "cxf/json/utf8.h"
#include "cxf/onepassword/map/csv_columns.h"
#include "cxf/onepassword/map/extension.h"
#include "cxf/otp/otpauth.h"
#include "cxf/plugin/losses.h"
#include "exporters/onepassword_csv/collection_tags.h"
#include "exporters/onepassword_csv/extension_losses.h"

namespace cxf::onepassword_csv {

namespace {

using namespace onepassword;

constexpr std::string_view only_these = "1Password's CSV holds only logins, one-time passwords and notes";

class RowWriter {
public:
    RowWriter(csv::Writer& writer, Report& report) : writer_(writer), report_(report) {}

    void row(const Item& item, const std::vector<std::string>& collection_paths, const std::string& place) {
        item_ = &item;
        place_ = &place;
        const BasicAuth* auth = nullptr;
        std::string auth_at;
        const Totp* totp = nullptr;
        crypto::Secret notes;
        bool has_notes = false;
        for (std::size_t c = 0; c < item.credentials.size(); ++c) {
            const Credential& credential = item.credentials[c];
            const std::string at = place + "/credentials/" + std::to_string(c);
            if (const auto* a = std::get_if<BasicAuth>(&credential)) {
                if (!auth) {
                    auth = a;
                    auth_at = at;
                } else {
                    lost_detail(Feature::logins, at, "credential:basic-auth", "a row holds one username and password");
                }
            } else if (const auto* t = std::get_if<Totp>(&credential)) {
                if (!totp) totp = t;
                else lost_detail(Feature::totp, at, "totp", "a row holds one one-time password");
            } else if (const auto* n = std::get_if<Note>(&credential)) {
                if (has_notes) notes.append("\n\n");
                if (n->content) notes.append(n->content->value.view());
                lose_label(n->content, Feature::notes, at + "/content", "content");
                has_notes = true;
            } else if (std::holds_alternative<Passkey>(credential)) {
                lost(Feature::passkeys, at, "passkey",
                     "1Password's CSV holds no passkeys: 1Password moves passkeys only through credential exchange (CXP)");
            } else if (const auto* file = std::get_if<File>(&credential)) {
                lost(Feature::attachments, at, "attachment:" + file->name, "1Password's CSV holds no files");
            } else if (const auto* custom = std::get_if<CustomFields>(&credential)) {
                lost(Feature::custom_fields, at, "custom-fields" + (custom->label ? ":" + *custom->label : std::string()),
                     "1Password's CSV has no custom fields");
            } else {
                const Feature feature = feature_of(credential);
                const std::string field = "credential:" + std::string(credential_type(credential));
                // A generated password or an item reference: details of the logins and collections CSV holds.
                if (feature == Feature::logins || feature == Feature::folders) lost_detail(feature, at, field, std::string(only_these));
                else lost(feature, at, field, std::string(only_these));
            }
        }
        if (!item.history.empty()) lost(Feature::history, place + "/history", "history", "1Password's CSV keeps no history");
        if (item.creation_at || item.modified_at) lost(Feature::timestamps, place, "timestamps", "1Password's CSV keeps no dates");
        if (item.subtitle) lost_detail(Feature::logins, place, "subtitle", "1Password's CSV has no subtitle column");
        if (auth) {
            lose_label(auth->username, Feature::logins, auth_at + "/username", "username");
            lose_label(auth->password, Feature::logins, auth_at + "/password", "password");
        }

        const std::string url = website(item);
        const crypto::Secret otpauth = totp ? totp_text(*totp, item) : crypto::Secret();
        const std::string tags = tag_cell(item, collection_paths);
        const json::ExtensionView own(item.extensions, onepassword::extension_name);
        const bool archived = own.string(state_member) == archived_state;
        const std::string_view username = auth && auth->username ? auth->username->value.view() : std::string_view();
        const std::string_view password = auth && auth->password ? auth->password->value.view() : std::string_view();
        const std::string_view cells[] = {item.title, url,  username, password, otpauth.view(),
                                          item.favorite ? csv_true : csv_false,
                                          archived ? csv_true : csv_false, tags, notes.view()};
        for (const std::string_view cell : cells)
            if (!json::valid_utf8(cell)) throw Error(Errc::invalid, {"", place}, "text is not valid UTF-8");
        writer_.row(cells);
    }

private:
    void lost(Feature feature, const std::string& place, const std::string& field, const std::string& reason) {
        report_.lost(feature, place, item_->title, field, reason);
    }
    void lost_detail(Feature feature, const std::string& place, const std::string& field, const std::string& reason) {
        report_.lost_detail(feature, place, item_->title, field, reason);
    }

    // A column's name stands for the value's own label.
    void lose_label(const Field& field, Feature feature, const std::string& place, std::string_view member) {
        if (field && field->label)
            lost_detail(feature, place, "label:" + std::string(member), "1Password's CSV columns have fixed names");
    }

    std::string website(const Item& item) {
        if (!item.scope) return {};
        const CredentialScope& scope = *item.scope;
        if (scope.urls.size() > 1) lost_detail(Feature::logins, *place_ + "/scope/urls", "urls", "a row holds one website");
        if (!scope.android_apps.empty())
            lost_detail(Feature::logins, *place_ + "/scope/androidApps", "android-apps", "1Password's CSV holds websites only");
        return scope.urls.empty() ? std::string() : scope.urls.front();
    }

    // The text the CSV was read with when it is still this TOTP, else an otpauth:// URI.
    static crypto::Secret totp_text(const Totp& totp, const Item& item) {
        const json::ExtensionView own(item.extensions, onepassword::extension_name);
        if (const auto kept = own.string("otpAuth"))
            if (const auto parsed = otp::parse(*kept);
                parsed && otp::same_secret(parsed->secret, totp.secret) && parsed->digits == totp.digits &&
                parsed->period == totp.period && parsed->algorithm == totp.algorithm)
                return crypto::Secret(*kept);
        return otp::to_uri(totp, item.title);
    }

    std::string tag_cell(const Item& item, const std::vector<std::string>& collection_paths) {
        std::vector<std::string> tags = item.tags;
        for (const std::string& path : collection_paths)
            if (std::find(tags.begin(), tags.end(), path) == tags.end()) tags.push_back(path);
        std::string cell;
        for (const std::string& tag : tags) {
            if (tag.find(csv_tag_separator) != std::string::npos)
                report_.changed(*place_, "the ',' in tag '" + tag + "' splits it in two when the CSV is read", "tags");
            if (!cell.empty()) cell.push_back(csv_tag_separator);
            cell += tag;
        }
        return cell;
    }

    csv::Writer& writer_;
    Report& report_;
    const Item* item_ = nullptr;
    const std::string* place_ = nullptr;
};

void report_account(const Account& account, const std::string& place, Report& report) {
    if (!account.username.empty() || !account.email.empty() || account.full_name)
        report.lost_detail(Feature::folders, place, {}, "account",
                           "1Password's CSV names no account: its username, e-mail and name are not written");
}

}  // namespace

void write(const Vault& vault, io::Output& out, const WriteOptions&, Report& report) {
    report_extension_losses(vault, report);
    csv::Writer writer(out);
    writer.row(csv8_header);
    RowWriter rows(writer, report);
    for (std::size_t a = 0; a < vault.accounts.size(); ++a) {
        const Account& account = vault.accounts[a];
        report_account(account, "/accounts/" + std::to_string(a), report);
        const auto tags = collection_tags(account, "/accounts/" + std::to_string(a), report);
        const std::vector<std::string> none;
        for (std::size_t i = 0; i < account.items.size(); ++i) {
            const Item& item = account.items[i];
            const auto found = tags.find(item.id);
            rows.row(item, found == tags.end() ? none : found->second, item_place(a, i));
        }
    }
}

}  // namespace cxf::onepassword_csv
