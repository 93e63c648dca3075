// SPDX-License-Identifier: MIT
// A 1Password CSV row → Item: basic-auth from Username and Password, the website, a totp from
// OTPAuth, a note per notes column, every other filled-in column a custom field named after it.
#include <algorithm>

#include "cxf/csv/ids.h"
#include "cxf/json/extension.h"
#include "cxf/onepassword/map/categories.h"
#include "cxf/onepassword/map/csv_columns.h"
#include "cxf/onepassword/map/extension.h"
#include "cxf/otp/otpauth.h"
#include "importers/onepassword_csv/rows.h"

namespace cxf::onepassword_csv {

namespace {

using namespace onepassword;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool contains_ci(std::string_view text, std::string_view part) {
    for (std::size_t at = 0; at + part.size() <= text.size(); ++at)
        if (otp::iequals(text.substr(at, part.size()), part)) return true;
    return false;
}

// 1Password 7 names its secret template fields plainly ("master-password", "secret key", "cvv", "pin").
bool secret_column(std::string_view name) {
    return contains_ci(name, "password") || contains_ci(name, "secret") || otp::iequals(name, "cvv") ||
           otp::iequals(name, "pin");
}

std::optional<Category> category_named(std::string_view name) {
    for (const CategoryId& c : categories)
        if (otp::iequals(c.name, name)) return c.category;
    return std::nullopt;
}

}  // namespace

bool RowReader::flag(std::string_view value, const std::string& place, const Column& column) {
    if (otp::iequals(value, csv_true)) return true;
    if (!otp::iequals(value, csv_false))
        report_.changed(place, "'" + column.name + "' is neither true nor false; read as false", column.name);
    return false;
}

// Kept as written when cxf would write the same TOTP differently, so a round trip gives it back.
void RowReader::otpauth(std::string_view text, Item& item, json::ExtensionBuilder& extension, CustomFields& custom,
                        const std::string& place) {
    auto totp = otp::parse(text);
    if (!totp) {
        EditableField field(FieldType::concealed_string, text);
        field.label = std::string(csv8_header[4]);
        custom.fields.push_back(std::move(field));
        report_.changed(place, "the one-time password is neither an otpauth:// URI nor a Base32 secret; kept as a "
                               "concealed custom field", "totp");
        return;
    }
    if (otp::to_uri(*totp, item.title).view() != text) extension.set_string("otpAuth", text);
    item.credentials.emplace_back(std::move(*totp));
}

// A category's name, or (as pass-import writes it) a group: a collection of that name.
void RowReader::type(std::string_view text, const Item& item, json::ExtensionBuilder& extension) {
    if (const auto category = category_named(text)) {
        extension.set_string("category", category_id(*category));
        return;
    }
    auto [at, added] = collection_index_.try_emplace(std::string(text), collections_.size());
    if (added) {
        Collection collection;
        collection.id = csv::derived_id("1password-csv collection", text);
        collection.title = std::string(text);
        collections_.push_back(std::move(collection));
    }
    collections_[at->second].items.push_back(LinkedItem{item.id, std::nullopt});
}

Item RowReader::item(const csv::Row& row) {
    Item item;
    json::ExtensionBuilder extension{onepassword::extension_name};
    BasicAuth auth;
    std::vector<Note> notes;
    CustomFields custom;
    std::optional<std::size_t> otp_column, type_column;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const Column& column = columns_[i];
        const std::string_view value = row.cells[i].view();
        if (value.empty()) continue;
        const std::string place = csv::place(row.line, i + 1);
        switch (column.role) {
        case Role::title: item.title = std::string(value); break;
        case Role::url:
            if (const auto url = trim(value); !url.empty()) {
                if (!item.scope) item.scope.emplace();
                item.scope->urls.emplace_back(url);
            }
            break;
        case Role::username: auth.username = make_field(FieldType::string, value); break;
        case Role::password: auth.password = make_field(FieldType::concealed_string, value); break;
        case Role::otpauth: otp_column = i; break;
        case Role::favorite: item.favorite = flag(value, place, column); break;
        case Role::archived:
            if (flag(value, place, column)) {
                extension.set_string(state_member, archived_state);
                report_.changed(place, "archived in 1Password; CXF has no archived state (kept in cxf.local/1password)",
                                std::string(state_member));
            }
            break;
        case Role::tags:
            for (std::size_t from = 0; from <= value.size();) {
                const std::size_t to = std::min(value.find(csv_tag_separator, from), value.size());
                if (const auto tag = trim(value.substr(from, to - from)); !tag.empty()) item.tags.emplace_back(tag);
                from = to + 1;
            }
            break;
        case Role::notes: notes.push_back(Note{make_field(FieldType::string, value)}); break;
        case Role::category: type_column = i; break;
        case Role::uuid: item.id = Id(as_bytes(value).begin(), as_bytes(value).end()); break;
        case Role::subtitle: item.subtitle = std::string(value); break;
        case Role::setting:
            if (!otp::iequals(value, csv7_setting_default)) extension.set_in("csvSettings", column.name, json::json_string(value));
            break;
        case Role::field: {
            EditableField field(secret_column(column.name) ? FieldType::concealed_string : FieldType::string, value);
            field.label = column.name;
            custom.fields.push_back(std::move(field));
            break;
        }
        }
    }
    if (item.id.empty()) item.id = csv::derived_id("1password-csv item", "line " + std::to_string(row.line) + "\n" + item.title);
    if (auth.username || auth.password) item.credentials.emplace(item.credentials.begin(), std::move(auth));
    if (otp_column)
        otpauth(row.cells[*otp_column].view(), item, extension, custom, csv::place(row.line, *otp_column + 1));
    for (Note& note : notes) item.credentials.emplace_back(std::move(note));
    if (!custom.fields.empty()) item.credentials.emplace_back(std::move(custom));
    if (type_column) type(row.cells[*type_column].view(), item, extension);
    extension.add_to(item.extensions);
    return item;
}

}  // namespace cxf::onepassword_csv
