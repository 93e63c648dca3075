// SPDX-License-Identifier: MIT
// The CXF_ITEM CustomData cxf writes on an entry whose item the plain KDBX mapping cannot give back
// exactly (docs/formats/kdbx.md "Layout"): the item's members KDBX has no place for, and which
// attributes and attachments make up which credential. Values stay in the attributes, so what a
// KeePass user edits is what comes back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/kdbx/map/entry_source.h"
#include "cxf/model/vault.h"

namespace cxf::kdbx_map {

struct AppExtras {
    std::optional<std::string> name;
    std::optional<AndroidCertificate> certificate;
};

struct ItemLayout {
    std::optional<Id> id;
    std::optional<std::string> subtitle;
    bool favorite = false;
    bool has_creation = true, has_modification = true;
    bool empty_scope = false;  // the item had a scope with nothing in it
    std::optional<std::size_t> position;  // its place among the account's items, when not the file's order
    std::optional<std::vector<std::string>> tags;  // tags KeePass would split or trim
    std::vector<AppExtras> apps;
    std::vector<Credential> credentials;  // those it lists, using the attributes and attachments they name
    // Credentials whose attributes no longer read back (edited in KeePass): left to the plain mapping.
    std::vector<std::string> problems;
};

// Throws Errc::malformed when the text is not what cxf writes.
ItemLayout read_layout(std::string_view json, EntrySource& source);

}  // namespace cxf::kdbx_map
