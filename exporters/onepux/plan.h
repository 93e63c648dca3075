// SPDX-License-Identifier: MIT
// One item as 1PUX will hold it, planned before it is written: the login fields, details.password,
// the sections and their fields (each value already as its {"<kind>": value} JSON), the notes and the
// document. Two steps fill it: restore.cpp lays out what the cxf.local/1password extension kept (the
// item came from a 1PUX export), credentials.cpp places every value that step did not use.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cxf/json/cursor.h"
#include "cxf/model/vault.h"
#include "cxf/onepassword/map/categories.h"
#include "cxf/report.h"
#include "exporters/onepux/attachments.h"

namespace cxf::onepux::out {

using onepassword::Category;

// A field of a section. `kept` is the field's skeleton from the extension (its members up to "kind");
// a new field has a title and an id instead.
struct FieldOut {
    std::optional<json::Cursor> kept;
    std::string title, id;
    bool multiline = false;
    crypto::Secret value;  // {"<kind>": value}
};

struct SectionOut {
    std::optional<json::Cursor> kept;  // the section's members other than "fields"
    std::string title, name;
    std::vector<FieldOut> fields;
};

struct LoginFieldOut {
    std::optional<json::Cursor> kept;  // the field's members other than "value" and cxf's "json"/"at"
    std::string id, name, field_type, designation;
    crypto::Secret value;  // the JSON of "value": a string, or what a linked field held
};

struct ItemPlan {
    Category category = Category::unknown;
    std::string category_id;
    std::vector<LoginFieldOut> login_fields;
    std::optional<crypto::Secret> password;  // details.password
    std::vector<SectionOut> sections;
    std::optional<crypto::Secret> notes;
    std::optional<DocumentOut> document;   // details.documentAttributes
    // What is written already, as JSON pointers into the item: "/credentials/2" for a credential's
    // own part (a TOTP, a key, a file, an address), "/credentials/2/number", "/credentials/3/fields/1".
    std::set<std::string> used;
};

// What the planning steps share: the item, where it is, the report and the export's files.
struct PlanContext {
    const Item& item;
    const std::string& place;  // the item's JSON pointer, for notices
    Report& report;
    Attachments& attachments;
};

// Lays out the login fields and sections the extension kept, with the item's values in them.
void restore_from_extension(const json::Cursor& extension, ItemPlan& plan, PlanContext& context);

// Places every credential and field value the plan does not use yet; reports what 1PUX cannot hold.
void place_credentials(ItemPlan& plan, PlanContext& context);

// The category an item without a kept one gets, from its credentials.
Category category_for(const Item& item) noexcept;

}  // namespace cxf::onepux::out
