// SPDX-License-Identifier: MIT
// Finding things in a vault read by a test: an item by title, its credentials of one type, a field's text.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/model/vault.h"

namespace test {

// The first item with this title in any account (history excluded); throws if there is none.
const cxf::Item& item_titled(const cxf::Vault& vault, std::string_view title);

template <typename T>
std::vector<const T*> all(const cxf::Item& item) {
    std::vector<const T*> out;
    for (const cxf::Credential& c : item.credentials)
        if (const T* t = std::get_if<T>(&c)) out.push_back(t);
    return out;
}

// The item's one credential of type T; throws unless there is exactly one.
template <typename T>
const T& only(const cxf::Item& item) {
    const auto found = all<T>(item);
    if (found.size() != 1)
        throw std::logic_error(item.title + ": " + std::to_string(found.size()) + " credentials of the asked type");
    return *found.front();
}

std::string value(const cxf::Field& field);  // "<absent>" when there is none

}  // namespace test
