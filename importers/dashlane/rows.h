// SPDX-License-Identifier: MIT
// A row of each Dashlane CSV file → an item: credentials → a login (basic-auth, URL, note, TOTP),
// secure notes → a note, payments → a credit card or a bank account, ids → an identity document,
// passport or driver's licence, personal info → a person name, an address or custom fields.
#pragma once

#include <string>

#include "cxf/report.h"
#include "importers/dashlane/cells.h"

namespace cxf::dashlane {

struct RowItem {
    Item item;
    std::string category;  // credentials and secure notes: the collection the item belongs in
};

// `item.id` is left for the caller. Values that cannot take their CXF type (a date, a TOTP secret)
// are kept as custom fields and reported as changed at their cell.
RowItem read_row(Member member, Cells& cells, Report& report);

}  // namespace cxf::dashlane
