// SPDX-License-Identifier: MIT
#include "exporters/kdbx/attributes.h"

#include <algorithm>
#include <iterator>

#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/plain.h"
#include "cxf/kdbx/map/urls.h"

namespace cxf::kdbx_map {

Attributes::Attributes(const kdbx::Meta& meta) {
    strings_.reserve(std::size(standard_keys) + 4);
    for (const std::string_view key : standard_keys) strings_.push_back({std::string(key), crypto::Secret(), standard_protect(meta, key)});
}

// The standard keys are always taken without being put in taken_: five tree nodes fewer per entry.
bool Attributes::taken(std::string_view key) const {
    return std::find(std::begin(standard_keys), std::end(standard_keys), key) != std::end(standard_keys) ||
           taken_.contains(key);
}

void Attributes::set_standard(std::string_view key, std::string_view value) {
    for (kdbx::StringField& s : strings_)
        if (s.key == key) s.value = crypto::Secret(value);
}

void Attributes::add_exact(kdbx::StringField field) {
    taken_.insert(field.key);
    strings_.push_back(std::move(field));
}

std::string Attributes::add(std::string_view wanted, std::string_view value, bool protect) {
    std::string key(wanted.empty() ? "Field" : wanted);
    // A URL-shaped key with a value would be read back as a URL.
    for (int n = 2; taken(key) || (!value.empty() && is_scope_key(key)); ++n) key = std::string(wanted.empty() ? "Field" : wanted) + " " + std::to_string(n);
    taken_.insert(key);
    strings_.push_back({key, crypto::Secret(value), protect});
    return key;
}

}  // namespace cxf::kdbx_map
