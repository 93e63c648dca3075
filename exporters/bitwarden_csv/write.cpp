// SPDX-License-Identifier: MIT
// One row per item, in the column order of Bitwarden's own CSV export (papaparse, CRLF). An item
// with a login, TOTP or passkey is a "login"; any other is a "note".
#include "exporters/bitwarden_csv/write.h"

#include <algorithm>

#include "cxf/bitwarden/map/csv_columns.h"
#include "cxf/bitwarden/map/extension.h"
#include "cxf/csv/csv.h"
#include "cxf/error.h"
#include "cxf/json/utf8.h"
#include "cxf/plugin/losses.h"
#include "exporters/bitwarden_json/cipher.h"
#include "exporters/bitwarden_json/folder_index.h"
#include "exporters/bitwarden_json/metadata.h"

namespace cxf::bitwarden_csv {

namespace {

using bitwarden_json::ExtensionView;

class CsvWriter {
public:
    CsvWriter(const Vault& vault, bool organization, Report& report)
        : vault_(vault), organization_(organization), report_(report), index_(vault, report) {
        bitwarden_json::note_unkept_metadata(vault, index_, "Bitwarden CSV", report);
    }

    void run(io::Output& out) {
        csv::Writer writer(out);
        if (organization_) writer.row(organization_header);
        else writer.row(individual_header);
        for (std::size_t a = 0; a < vault_.accounts.size(); ++a)
            for (std::size_t i = 0; i < vault_.accounts[a].items.size(); ++i)
                row(writer, vault_.accounts[a].items[i], item_place(a, i));
    }

private:
    void lost(Feature feature, const std::string& place, const Item& item, const std::string& field, const std::string& reason) {
        report_.lost(feature, place, item.title, field, reason);
    }
    void lost_detail(Feature feature, const std::string& place, const Item& item, const std::string& field,
                     const std::string& reason) {
        report_.lost_detail(feature, place, item.title, field, reason);
    }

    // The folder, or the organisation's comma-separated collections.
    std::string filing(const Item& item, const std::string& place) {
        std::string joined;
        for (const std::size_t f : index_.filing(item, place, organization_, report_)) {
            const std::string& path = index_.folders()[f].path;
            if (organization_ && path.find(',') != std::string::npos)
                report_.changed(place, "the ',' in collection '" + path + "' splits it in two when Bitwarden reads it");
            joined += (joined.empty() ? "" : ",") + path;
        }
        return joined;
    }

    // "name: value" lines; Bitwarden CSV makes every field text.
    void add_fields(const CustomFields& custom, crypto::Secret& fields, const Item& item, const std::string& place) {
        for (const EditableField& f : custom.fields) {
            const std::string name = f.label.value_or("");
            const std::string_view value = f.value.view();
            if (name.find_first_of("\r\n") != std::string::npos || value.find_first_of("\r\n") != std::string_view::npos) {
                lost_detail(Feature::custom_fields, place, item, "custom-field:" + name, "Bitwarden CSV keeps one line per custom field");
                continue;
            }
            // Bitwarden reads each line up to its last ": " as the name.
            if (value.find(": ") != std::string_view::npos)
                report_.changed(place, "the value of custom field '" + name + "' holds ': ', so Bitwarden reads the part "
                                "before it as part of the name", "custom-fields");
            if (f.type != FieldType::string) ++retyped_;
            if (!fields.empty()) fields.push_back('\n');
            fields.append(name);
            fields.append(": ");
            fields.append(value);
        }
    }

    void row(csv::Writer& writer, const Item& item, const std::string& place) {
        const ExtensionView ext(item.extensions, bitwarden_json::extension_name);
        const BasicAuth* auth = nullptr;
        const Totp* totp = nullptr;
        crypto::Secret notes;
        bool has_notes = false;
        crypto::Secret fields;  // concealed values among them
        retyped_ = 0;
        for (const Credential& credential : item.credentials) {
            if (const auto* a = std::get_if<BasicAuth>(&credential)) {
                if (!auth) auth = a;
                else lost_detail(Feature::logins, place, item, "credential:basic-auth", "a Bitwarden item holds one login");
            } else if (const auto* t = std::get_if<Totp>(&credential)) {
                if (!totp) totp = t;
                else lost_detail(Feature::totp, place, item, "totp", "a Bitwarden login holds one TOTP");
            } else if (std::holds_alternative<Passkey>(credential)) {
                lost(Feature::passkeys, place, item, "passkey", "Bitwarden CSV exports cannot hold passkeys");
            } else if (const auto* n = std::get_if<Note>(&credential)) {
                if (has_notes) notes.append("\n\n");
                if (n->content) notes.append(n->content->value.view());
                has_notes = true;
            } else if (const auto* custom = std::get_if<CustomFields>(&credential)) {
                add_fields(*custom, fields, item, place);
            } else if (const auto* file = std::get_if<File>(&credential)) {
                lost(Feature::attachments, place, item, "attachment:" + file->name, "Bitwarden CSV exports cannot hold attachments");
            } else {
                const Feature feature = feature_of(credential);
                const std::string field = "credential:" + std::string(credential_type(credential));
                const std::string reason = "Bitwarden CSV exports hold only logins and notes";
                // A generated password or an item reference: details of the logins and folders CSV holds.
                if (feature == Feature::logins || feature == Feature::folders) lost_detail(feature, place, item, field, reason);
                else lost(feature, place, item, field, reason);
            }
        }
        if (retyped_)
            report_.changed(place, std::to_string(retyped_) + " custom field(s) written as text", "custom-fields");
        if (const auto kept = ext.find("fields"); kept && kept->is_array())
            for (const json::Cursor entry : kept->elements()) {
                std::string name;
                if (const auto field = entry.find("field"))
                    if (const auto n = field->find("name"); n && n->is_string()) name = n->string();
                lost_detail(Feature::custom_fields, place, item, "custom-field:" + name, "Bitwarden CSV cannot hold linked fields");
            }

        const auto totp_text = bitwarden_json::totp_text(totp, ext);
        const bool login = auth || totp || totp_text ||
                           std::any_of(item.credentials.begin(), item.credentials.end(),
                                       [](const Credential& c) { return std::holds_alternative<Passkey>(c); });
        std::vector<std::string> all = bitwarden_json::scope_uris(item, place, report_);
        if (const auto kept = bitwarden_json::kept_uris(all, ext)) {
            const std::vector<std::string_view> in_order = bitwarden_json::uri_texts(*kept);
            all.assign(in_order.begin(), in_order.end());
        }
        std::string uris;
        for (const std::string& uri : all) {
            if (uri.find(',') != std::string::npos)
                report_.changed(place, "a ',' in a URL splits it in two when Bitwarden reads the CSV", "urls");
            uris += (uris.empty() ? "" : ",") + uri;
        }
        if (!login && !all.empty()) lost_detail(Feature::logins, place, item, "urls", "only Bitwarden logins hold URLs");
        if (const auto kept = ext.find("uris"); kept && kept->is_array())
            for (const json::Cursor u : kept->elements())
                if (const auto match = u.find("match"); match && !match->is_null()) {
                    lost_detail(Feature::logins, place, item, "uri-match", "Bitwarden CSV keeps no URI match settings");
                    break;
                }
        if (!item.history.empty()) lost(Feature::history, place, item, "history", "Bitwarden CSV exports keep no password history");
        if (item.creation_at || item.modified_at) lost(Feature::timestamps, place, item, "timestamps", "Bitwarden CSV exports keep no dates");
        if (!item.tags.empty()) lost(Feature::tags, place, item, "tags", "Bitwarden has no tags");
        if (organization_ && item.favorite) lost_detail(Feature::folders, place, item, "favorite", "organisation CSV exports have no favorite column");

        const std::string folder = filing(item, place);
        const std::string reprompt = std::to_string(ext.integer("reprompt").value_or(0));
        const std::string_view username = auth && auth->username ? auth->username->value.view() : std::string_view();
        const std::string_view password = auth && auth->password ? auth->password->value.view() : std::string_view();
        const std::string_view totp_cell = totp_text ? totp_text->view() : std::string_view();
        const std::string_view type = login ? "login" : "note";
        if (!json::valid_utf8(item.title) || !json::valid_utf8(notes.view()) || !json::valid_utf8(fields.view()) ||
            !json::valid_utf8(uris) || !json::valid_utf8(username) || !json::valid_utf8(password) || !json::valid_utf8(folder))
            throw Error(Errc::invalid, {"", place}, "text is not valid UTF-8");
        if (organization_) {
            const std::string_view cells[] = {folder, type, item.title, notes.view(), fields.view(), reprompt, uris, username, password, totp_cell};
            writer.row(cells);
        } else {
            const std::string_view cells[] = {folder, item.favorite ? "1" : "", type, item.title, notes.view(), fields.view(),
                                              reprompt, uris, username, password, totp_cell};
            writer.row(cells);
        }
    }

    const Vault& vault_;
    bool organization_;
    Report& report_;
    bitwarden_json::FolderIndex index_;
    std::size_t retyped_ = 0;
};

}  // namespace

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    const BitwardenLayout layout = options.bitwarden_csv.layout;
    bool organization = layout == BitwardenLayout::organization;
    if (layout == BitwardenLayout::as_read && !vault.accounts.empty()) {
        const ExtensionView ext(vault.accounts.front().extensions, bitwarden_json::extension_name);
        organization = ext.string("layout") == "organization";
    }
    report_extensions_lost(vault, bitwarden_json::extension_name, "Bitwarden CSV", report);
    CsvWriter(vault, organization, report).run(out);
}

}  // namespace cxf::bitwarden_csv
