// SPDX-License-Identifier: MIT
// Bitwarden's newer "bankAccount" object (type 6): CXF has no bank-account credential, so it
// becomes a custom-fields credential marked as one, its fields labelled with Bitwarden's names.
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

void read_bank_account(const json::Cursor& object, Item& item, ItemSource& source) {
    CustomFields fields = object_fields(bank_account_object);
    for (const auto m : object.members()) {
        const ObjectMember* known = find_member(bank_account_members, m.key);
        if (!known) {
            source.keep("bankAccount", m);
            continue;
        }
        if (const auto value = source.string_or_null(m.value)) add_labelled(fields, known->name, known->type, *value);
    }
    item.credentials.emplace_back(std::move(fields));
}

}  // namespace cxf::bitwarden_json
