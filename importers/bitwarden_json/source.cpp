// SPDX-License-Identifier: MIT
// ItemSource and the small helpers every part of the importer shares.
#include "cxf/error.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

void ItemSource::fail(const json::Cursor& at, const std::string& message) const {
    throw Error(Errc::malformed, {file_, at.pointer()}, message);
}

std::optional<std::string_view> ItemSource::text(const json::Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) fail(value, "expected a string, got " + std::string(json::type_name(value)));
    return value.string();
}

std::optional<std::int64_t> ItemSource::integer(const json::Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    if (value.is(json::Kind::int64)) return value.int64();
    if (value.is(json::Kind::uint64) && value.uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(value.uint64());
    fail(value, "expected an integer, got " + std::string(json::type_name(value)));
}

std::optional<bool> ItemSource::boolean(const json::Cursor& value) const {
    if (value.is_null()) return std::nullopt;
    if (!value.is(json::Kind::boolean)) fail(value, "expected true or false, got " + std::string(json::type_name(value)));
    return value.boolean();
}

bool ItemSource::array(const json::Cursor& value) const {
    if (value.is_null()) return false;
    if (!value.is_array()) fail(value, "expected an array, got " + std::string(json::type_name(value)));
    return true;
}

bool ItemSource::object(const json::Cursor& value) const {
    if (value.is_null()) return false;
    if (!value.is_object()) fail(value, "expected an object, got " + std::string(json::type_name(value)));
    return true;
}

Field ItemSource::field(const json::Cursor& value, FieldType type) const {
    const auto t = text(value);
    return t ? make_field(type, *t) : nullptr;
}

void ItemSource::keep(std::string_view object, const json::Cursor::Member& member) {
    extension_.set_in(object, member.key, json::to_json(member.value));
}

const ObjectMember* find_member(std::span<const ObjectMember> members, std::string_view name) noexcept {
    for (const ObjectMember& m : members)
        if (m.name == name) return &m;
    return nullptr;
}

CustomFields object_fields(std::string_view object) {
    CustomFields fields;
    ExtensionBuilder marker;
    marker.set_string("object", object);
    marker.add_to(fields.extensions);
    return fields;
}

void add_labelled(CustomFields& fields, std::string_view label, FieldType type, std::string_view value) {
    EditableField f(type, value);
    f.label = std::string(label);
    fields.fields.push_back(std::move(f));
}

void keep_spelling(ItemSource& source, std::string_view key, std::string_view original, std::string_view canonical) {
    if (original != canonical) source.extension().set_in("spelling", key, json_string(original));
}

}  // namespace cxf::bitwarden_json
