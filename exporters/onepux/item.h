// SPDX-License-Identifier: MIT
// One model item as a 1PUX item: uuid, favourite, times, state, category, details and overview.
#pragma once

#include <string>

#include "cxf/json/builder.h"
#include "cxf/json/cursor.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "exporters/onepux/attachments.h"

namespace cxf::onepux::out {

struct ItemContext {
    const std::string& place;  // the item's JSON pointer in the model, for notices
    Timestamp now;             // the time of items that have none
    Report& report;
    Attachments& attachments;
};

void write_item(json::Builder& out, const Item& item, ItemContext& context);

// overview: title, subtitle, url and urls with their labels, tags, and what the extension kept.
void write_overview(json::Builder& out, const Item& item, const json::Cursor* extension, ItemContext& context);

// details.passwordHistory: the password of each earlier version, oldest first, with its time.
void write_password_history(json::Builder& out, const Item& item, ItemContext& context);

}  // namespace cxf::onepux::out
