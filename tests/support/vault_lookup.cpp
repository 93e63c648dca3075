// SPDX-License-Identifier: MIT
#include "tests/support/vault_lookup.h"

namespace test {

const cxf::Item& item_titled(const cxf::Vault& vault, std::string_view title) {
    for (const cxf::Account& a : vault.accounts)
        for (const cxf::Item& i : a.items)
            if (i.title == title) return i;
    throw std::logic_error("no item titled " + std::string(title));
}

std::string value(const cxf::Field& field) { return field ? std::string(field->value.view()) : "<absent>"; }

}  // namespace test
