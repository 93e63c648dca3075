// SPDX-License-Identifier: MIT
// A Bitwarden CSV export → Vault. Columns are found by their header names, so older exports
// (without reprompt) read too. Folders are named by path; items get ids derived from their row.
#include <algorithm>
#include <map>

#include "cxf/bitwarden/map/extension.h"
#include "cxf/csv/csv.h"
#include "cxf/csv/encoding.h"
#include "cxf/csv/ids.h"
#include "cxf/error.h"
#include "importers/bitwarden_csv/bitwarden_csv.h"
#include "importers/bitwarden_json/folders.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_csv {

namespace {

using bitwarden_json::ExtensionBuilder;

// Bitwarden's importer also takes "uri", "username", "password" and "totp" for the login_ columns, and
// needs none of them: a row without a type is a login.
constexpr std::string_view known_columns[] = {"folder",    "favorite",       "collections",    "type",
                                              "name",      "notes",          "fields",         "reprompt",
                                              "login_uri", "login_username", "login_password", "login_totp",
                                              "uri",       "username",       "password",       "totp"};

using csv::derived_id;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Bitwarden lowercases the type before it looks at it.
bool type_is(std::string_view type, std::string_view lowercase) {
    return std::ranges::equal(type, lowercase, [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto at = text.find(separator);
        parts.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return parts;
        text.remove_prefix(at + 1);
    }
}

class CsvReader {
public:
    CsvReader(const Input& input, const ReadOptions& options, Report& report)
        : input_(input), text_(input.bytes, options.encoding, input.name, options.limits),
          csv_(text_.view(), input.name, options.limits), max_depth_(options.limits.max_depth),
          report_(report) {}

    Vault run() {
        const auto header = csv_.next();
        if (!header) throw Error(Errc::malformed, {input_.name, "line 1"}, "empty file: no header row");
        // A header cell that is not a column name may be a value (a header merged with a row): named by position.
        for (std::size_t i = 0; i < header->cells.size(); ++i) {
            const std::string name(trim(header->cells[i].view()));
            if (std::find(std::begin(known_columns), std::end(known_columns), name) != std::end(known_columns))
                columns_.emplace(name, i);
            else
                report_.changed("line 1", "column " + std::to_string(i + 1) + " is not a Bitwarden column; ignored");
        }
        width_ = header->cells.size();
        if (columns_.empty())
            throw Error(Errc::malformed, {input_.name, "line 1"}, "not a Bitwarden CSV header: no Bitwarden column");
        organization_ = columns_.contains("collections");

        Account account;
        while (auto row = csv_.next()) {
            if (row->cells.size() == 1 && row->cells.front().empty()) continue;  // a blank line
            if (row->cells.size() != width_)
                throw Error(Errc::malformed, {input_.name, "line " + std::to_string(row->line)},
                            "expected " + std::to_string(width_) + " cells, got " + std::to_string(row->cells.size()));
            account.items.push_back(item(*row));
        }
        account.id = csv::account_id("account", account.items);
        account.collections = folders_.build(max_depth_, report_);
        if (organization_) {
            ExtensionBuilder extension{bitwarden_json::extension_name};
            extension.set_string("layout", "organization");
            extension.add_to(account.extensions);
        }
        Vault vault;
        vault.accounts.push_back(std::move(account));
        return vault;
    }

private:
    std::string_view cell(const csv::Row& row, std::string_view column) const {
        const auto it = columns_.find(column);
        return it == columns_.end() ? std::string_view() : row.cells[it->second].view();
    }

    // A login column: "login_" + `name`, or `name` when that is empty or absent.
    std::string_view login_cell(const csv::Row& row, std::string_view name) const {
        const std::string_view value = cell(row, "login_" + std::string(name));
        return value.empty() ? cell(row, name) : value;
    }

    std::string place(const csv::Row& row) const { return "line " + std::to_string(row.line); }

    void file(const Id& item, std::string_view path, const csv::Row& row) {
        auto folder = folders_.find_path(path);
        if (!folder) folder = folders_.add(derived_id("folder", path), std::string(path), ExtensionBuilder(bitwarden_json::extension_name), place(row));
        folders_.file(*folder, item);
    }

    Item item(const csv::Row& row) {
        Item item;
        ExtensionBuilder extension{bitwarden_json::extension_name};
        item.title = std::string(cell(row, "name"));
        item.id = derived_id("item", place(row) + "\n" + item.title);
        const std::string_view type = cell(row, "type");
        const bool note = type_is(type, "note");
        if (!note && !type.empty() && !type_is(type, "login"))
            report_.changed(place(row), "the type is neither 'login' nor 'note'; read as a login, as Bitwarden does");
        extension.set_integer("type", note ? 2 : 1);

        if (!note) {
            BasicAuth auth;
            if (const auto v = login_cell(row, "username"); !v.empty()) auth.username = make_field(FieldType::string, v);
            if (const auto v = login_cell(row, "password"); !v.empty()) auth.password = make_field(FieldType::concealed_string, v);
            item.credentials.emplace_back(std::move(auth));
            read_uris(login_cell(row, "uri"), item, extension);
            if (const auto totp = login_cell(row, "totp"); !totp.empty())
                bitwarden_json::read_totp(totp, item, extension, report_, place(row));
        }
        if (const auto notes = cell(row, "notes"); !notes.empty())
            item.credentials.emplace_back(Note{make_field(FieldType::string, notes)});
        if (const auto fields = cell(row, "fields"); !fields.empty()) item.credentials.emplace_back(custom_fields(fields, row));

        const std::string_view reprompt = cell(row, "reprompt");
        if (reprompt == "1") extension.set_integer("reprompt", 1);
        else if (!reprompt.empty() && reprompt != "0")
            report_.changed(place(row), "reprompt is not 0 or 1; read as 0");
        const std::string_view favorite = cell(row, "favorite");
        item.favorite = !favorite.empty() && favorite != "0";

        if (organization_) {
            for (const std::string_view path : split(cell(row, "collections"), ','))
                if (!path.empty()) file(item.id, path, row);
        } else if (const auto folder = cell(row, "folder"); !folder.empty()) {
            file(item.id, folder, row);
        }
        extension.add_to(item.extensions);
        return item;
    }

    // As in a JSON export: with an Android app among them, the URIs are kept in the order written, in
    // the shape of Bitwarden's login.uris.
    static void read_uris(std::string_view cell, Item& item, ExtensionBuilder& extension) {
        CredentialScope scope;
        std::vector<std::string_view> uris;
        bool in_order = true;
        for (const std::string_view part : split(cell, ',')) {
            const std::string_view uri = trim(part);
            if (uri.empty()) continue;
            uris.push_back(uri);
            in_order = bitwarden_json::add_uri(scope, uri) && in_order;
        }
        if (!in_order)
            for (const std::string_view uri : uris) {
                crypto::Secret entry("{\"match\":null,\"uri\":");
                entry.append(bitwarden_json::json_string(uri).view());
                entry.push_back('}');
                extension.append("uris", std::move(entry));
            }
        if (!uris.empty()) item.scope = std::move(scope);
    }

    // One "name: value" per line, split at the last ": " as Bitwarden's importer does.
    CustomFields custom_fields(std::string_view text, const csv::Row& row) {
        CustomFields custom;
        for (std::string_view line : split(text, '\n')) {
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty()) continue;
            const auto colon = line.rfind(": ");
            EditableField field(FieldType::string, colon == std::string_view::npos ? std::string_view() : line.substr(colon + 2));
            field.label = std::string(line.substr(0, colon));
            if (colon == std::string_view::npos)
                report_.changed(place(row), "a custom field line without ': ' read as a name with an empty value",
                                "custom-fields");
            custom.fields.push_back(std::move(field));
        }
        return custom;
    }

    const Input& input_;
    csv::Utf8Text text_;
    csv::Reader csv_;
    std::uint32_t max_depth_;
    Report& report_;
    std::map<std::string, std::size_t, std::less<>> columns_;
    std::size_t width_ = 0;
    bool organization_ = false;
    bitwarden_json::FolderTree folders_;
};

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) { return CsvReader(input, options, report).run(); }

}  // namespace cxf::bitwarden_csv
