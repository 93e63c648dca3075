// SPDX-License-Identifier: MIT
// details.passwordHistory [{value, time}] → Item::history, oldest first: one earlier version of the
// item per password, holding a basic-auth with that password and dated when it was replaced.
#include <algorithm>

#include "importers/onepux/item_source.h"

namespace cxf::onepux {

void read_password_history(const json::Cursor& history, ItemSource& source) {
    if (!source.array_or_null(history)) return;
    std::vector<Item> earlier;
    for (const json::Cursor entry : history.elements()) {
        source.expect(entry, json::Kind::object);
        Item version;
        version.id = source.item.id;
        version.title = source.item.title;
        BasicAuth auth;
        ExtensionBuilder extension{onepassword::extension_name};
        for (const auto m : entry.members()) {
            if (m.key == "value") auth.password = make_field(FieldType::concealed_string, source.string(m.value));
            else if (m.key == "time") version.modified_at = source.integer(m.value);
            else extension.set_in("extra", m.key, json::to_json(m.value));
        }
        version.credentials.emplace_back(std::move(auth));
        extension.add_to(version.extensions);
        earlier.push_back(std::move(version));
    }
    std::stable_sort(earlier.begin(), earlier.end(),
                     [](const Item& a, const Item& b) { return a.modified_at.value_or(0) < b.modified_at.value_or(0); });
    for (Item& version : earlier) source.item.history.push_back(std::move(version));
}

}  // namespace cxf::onepux
