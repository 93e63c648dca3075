// SPDX-License-Identifier: MIT
// The 1PUX importer's mapping of one item, one function per part of it, and the state they share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "cxf/json/builder.h"
#include "cxf/json/reader.h"
#include "cxf/model/vault.h"
#include "cxf/onepassword/map/categories.h"
#include "cxf/onepassword/map/extension.h"
#include "cxf/report.h"
#include "importers/onepux/documents.h"

namespace cxf::onepux {

using onepassword::Category;
using onepassword::ExtensionBuilder;

// An id made of a 1PUX uuid's text.
Id text_id(std::string_view text);

// One item being read: typed access to its members (a wrong type is Errc::malformed at the member's
// JSON pointer), the item as built so far, its extension, the report and the export's documents.
class ItemSource : public json::Reader {
public:
    ItemSource(const std::string& file, Report& report, Documents& documents)
        : json::Reader({file, "", "", json::Wording::expected_got}), report_(report), documents_(documents) {}

    Item item;
    Category category = Category::unknown;

    // Appends a credential; returns its JSON pointer in the CXF item ("/credentials/3").
    std::string add(Credential credential);
    // The index of the item's credential of type T, appended on first use.
    template <typename T>
    std::size_t slot() {
        for (std::size_t i = 0; i < item.credentials.size(); ++i)
            if (std::holds_alternative<T>(item.credentials[i])) return i;
        item.credentials.emplace_back(T{});
        return item.credentials.size() - 1;
    }
    template <typename T>
    T& at(std::size_t index) { return std::get<T>(item.credentials[index]); }

    Report& report() const noexcept { return report_; }
    Documents& documents() const noexcept { return documents_; }
    ExtensionBuilder& extension() noexcept { return extension_; }

private:
    Report& report_;
    Documents& documents_;
    ExtensionBuilder extension_{onepassword::extension_name};
};

// "/credentials/N".
std::string credential_pointer(std::size_t index);

// Where a value went: its JSON pointer in the CXF item, and its text as given when it was respelled
// on the way (a country code's case).
struct Placed {
    std::string at;
    std::optional<std::string> spelling;
};

// Puts `field` where the item's category template says its field `field_id` goes (a typed
// credential's member, converted to the member's field type when it is text either way); nullopt
// when it has no such place or the place is taken.
std::optional<Placed> place_in_template(ItemSource& source, std::string_view field_id, EditableField& field);

// Appends `field` to the custom-fields credential at `*custom` (created with `label` when empty);
// the pointer of the field.
std::string add_custom_field(ItemSource& source, std::optional<std::size_t>& custom, const std::optional<std::string>& label,
                             EditableField field);

void read_overview(const json::Cursor& overview, ItemSource& source);
void read_details(const json::Cursor& details, ItemSource& source);
void read_login_fields(const json::Cursor& fields, ItemSource& source);
void read_sections(const json::Cursor& sections, ItemSource& source);
void read_password_history(const json::Cursor& history, ItemSource& source);
SshKey read_ssh_key(const json::Cursor& value, ItemSource& source, json::Builder& skeleton);

// Passkey metadata (1PUX never holds the private key): reported as lost, kept in the extension.
void report_passkey(const json::Cursor& at, ItemSource& source);

// A 1PUX item (or its older {"item": …} wrapper) → the model, or nullopt for an item in the trash
// (reported as skipped).
std::optional<Item> read_item(const json::Cursor& element, const std::string& file, Report& report, Documents& documents);

}  // namespace cxf::onepux
