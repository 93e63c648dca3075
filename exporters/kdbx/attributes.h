// SPDX-License-Identifier: MIT
// An entry's strings as the writer builds them: the standard five first, unique keys for the rest.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/kdbx/database.h"

namespace cxf::kdbx_map {

class Attributes {
public:
    explicit Attributes(const kdbx::Meta& meta);

    // Keys that credentials written later need exactly (otp, KPEX_PASSKEY_*, URL keys…): others keep off them.
    void reserve(std::string_view key) { taken_.insert(std::string(key)); }
    void set_standard(std::string_view key, std::string_view value);
    // Adds under `key` exactly (a reserved or standard-named key).
    void add_exact(kdbx::StringField field);
    // Adds under `wanted`, or "wanted 2", "wanted 3"… when that is taken; returns the key used.
    std::string add(std::string_view wanted, std::string_view value, bool protect);

    std::vector<kdbx::StringField> take() { return std::move(strings_); }

private:
    bool taken(std::string_view key) const;

    std::vector<kdbx::StringField> strings_;
    std::set<std::string, std::less<>> taken_;
};

}  // namespace cxf::kdbx_map
