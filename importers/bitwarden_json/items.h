// SPDX-License-Identifier: MIT
// The Bitwarden JSON importer's mapping, one function per part of a cipher.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/bitwarden/map/extension.h"
#include "cxf/bitwarden/map/items.h"
#include "cxf/json/cursor.h"
#include "cxf/json/reader.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf::bitwarden_json {

// One item being read: typed access to its members, where null and absent both mean "absent" (a
// wrong type is Errc::malformed at the member's JSON pointer), the report, and the item's extension.
class ItemSource : public json::Reader {
public:
    ItemSource(const std::string& file, Report& report) : json::Reader({file, "", "", json::Wording::expected_got}), report_(report) {}

    // A string member as an EditableField of `type`; null for null or absent.
    Field field(const json::Cursor& value, FieldType type) const;

    // Keeps a member this importer does not map, verbatim, under `object` ("extra" for the item).
    void keep(std::string_view object, const json::Cursor::Member& member);

    const std::string& file() const noexcept { return context().file; }
    Report& report() const noexcept { return report_; }
    ExtensionBuilder& extension() noexcept { return extension_; }

private:
    Report& report_;
    ExtensionBuilder extension_{extension_name};
};

void read_login(const json::Cursor& login, Item& item, ItemSource& source);
Passkey read_passkey(const json::Cursor& credential, ItemSource& source);
void read_card(const json::Cursor& card, Item& item, ItemSource& source);
void read_identity(const json::Cursor& identity, Item& item, ItemSource& source);
void read_ssh_key(const json::Cursor& ssh_key, Item& item, ItemSource& source);
void read_bank_account(const json::Cursor& bank_account, Item& item, ItemSource& source);
void read_drivers_license(const json::Cursor& license, Item& item, ItemSource& source);
void read_passport(const json::Cursor& passport, Item& item, ItemSource& source);
// Custom fields: text, hidden and boolean become a custom-fields credential; linked fields (and
// types CXF cannot name) are kept in the extension with their position.
void read_fields(const json::Cursor& fields, Item& item, ItemSource& source);

// A login URI into `scope`: "androidapp://PKG" as an Android app, any other as a URL. False for an
// app: the scope lists URLs before apps, so it no longer says in which order the URIs came.
bool add_uri(CredentialScope& scope, std::string_view uri);

// The text of a login's TOTP → a totp credential on `item`. The text is kept in `extension` when it
// is not a TOTP (reported at `place`), or when cxf would write that TOTP differently, so that writing
// Bitwarden again gives it back.
void read_totp(std::string_view text, Item& item, ExtensionBuilder& extension, Report& report, const std::string& place);

// An item and where the export files it.
struct ReadItem {
    Item item;
    std::optional<std::string> folder_id;
    std::vector<std::string> collection_ids;
};

ReadItem read_item(const json::Cursor& cipher, const std::string& file, Report& report);

// /items/N: where the parser hands each item off as soon as it is complete.
bool is_item_path(const json::Path& path);

// A value whose Bitwarden spelling differs from what cxf would write back (a date with
// milliseconds, a zero-padded month): kept in the extension under `key` so writing it again gives
// the same text.
void keep_spelling(ItemSource& source, std::string_view key, std::string_view original, std::string_view canonical);

}  // namespace cxf::bitwarden_json
