// SPDX-License-Identifier: MIT
// KDBX objects ↔ the JSON kept in "cxf.local/kdbx" extensions: what the credential model has no
// member for (icons, colours, auto-type, times beyond creation and modification, Meta, …), and whole
// groups and entries for the recycle bin. Members equal to what a fresh object has are left out.
#pragma once

#include "cxf/kdbx/database.h"
#include "cxf/kdbx/map/json.h"
#include "cxf/kdbx/variant_map.h"

namespace cxf::kdbx_map {

// What cxf gives an entry or group it creates: last access at the modification time, expiry and
// location change at the creation time (as KeePass and KeePassXC do).
kdbx::Times fresh_times(kdbx::Time creation, kdbx::Time modification);

// `full` also writes what the model holds for live objects (UUID, name or strings, creation and
// modification times, tags, an entry's attachments and history): used for the recycle bin and for the
// root and account groups.
void write_entry_members(json::Builder& out, const kdbx::Entry& entry, bool full);
void read_entry_members(const JsonDoc& doc, const json::Cursor& object, kdbx::Entry& entry, bool full);
void write_group_members(json::Builder& out, const kdbx::Group& group, bool full);
void read_group_members(const JsonDoc& doc, const json::Cursor& object, kdbx::Group& group, bool full);
// A whole group with its entries and subgroups: the recycle bin. (The entries and subgroups of the
// root and account groups are the model's items and collections.)
void write_group(json::Builder& out, const kdbx::Group& group);
kdbx::Group read_group(const JsonDoc& doc, const json::Cursor& object);

void write_meta(json::Builder& out, const kdbx::Meta& meta);
kdbx::Meta read_meta(const JsonDoc& doc, const json::Cursor& object);

void write_custom_data(json::Builder& out, const kdbx::CustomData& data);
kdbx::CustomData read_custom_data(const JsonDoc& doc, const json::Cursor& array);
void write_unknown(json::Builder& out, const kdbx::UnknownElements& elements);
kdbx::UnknownElements read_unknown(const JsonDoc& doc, const json::Cursor& array);
void write_deleted_objects(json::Builder& out, const std::vector<kdbx::DeletedObject>& objects);
std::vector<kdbx::DeletedObject> read_deleted_objects(const JsonDoc& doc, const json::Cursor& array);
void write_variant_map(json::Builder& out, const kdbx::VariantMap& map);
kdbx::VariantMap read_variant_map(const JsonDoc& doc, const json::Cursor& array);

}  // namespace cxf::kdbx_map
