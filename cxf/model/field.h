// SPDX-License-Identifier: MIT
// The smallest pieces of the credential model: ids, times, extensions and CXF EditableFields.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cxf/secret.h"

namespace cxf {

// CXF identifiers are opaque bytes (at most 64 once decoded); written as unpadded base64url.
using Id = Bytes;

// Unix seconds. CXF stores uint; the model allows negatives so readers can see and report them.
using Timestamp = std::int64_t;

// --- Extensions (CXF §Extension): the registered `shared` one typed, any other kept as JSON text.

struct SharingAccessor {
    std::string type;                      // "user" | "group" | other (open enum)
    Id account_id;
    std::string name;
    std::vector<std::string> permissions;  // "read", "readSecret", … or other (open enum)
};

struct SharedExtension {
    static constexpr std::string_view name = "shared";
    std::vector<SharingAccessor> accessors;
};

// An extension we do not model: its whole JSON object (including "name"), kept so it round-trips.
// Also how cxf carries data CXF has no place for (names under "cxf.local/", see docs/model.md).
struct RawExtension {
    std::string name;
    crypto::Secret json;
};

using Extension = std::variant<SharedExtension, RawExtension>;

std::string_view extension_name(const Extension& extension);

// --- EditableField

enum class FieldType : std::uint8_t {
    string,
    concealed_string,
    email,
    number,
    boolean,
    date,
    year_month,
    wifi_network_security_type,
    country_code,
    subdivision_code,
    other,  // any other fieldType text: kept as given (EditableField::other_type)
};

std::string_view field_type_name(FieldType type) noexcept;
std::optional<FieldType> parse_field_type(std::string_view text) noexcept;

// A typed, user-editable value. The value is always text (CXF writes even booleans and numbers as
// strings) and always held as a Secret: which fields are sensitive depends on the source format.
struct EditableField {
    FieldType type = FieldType::string;
    std::string other_type;  // the fieldType text, when type == FieldType::other
    crypto::Secret value;
    std::optional<std::string> label;
    Id id;                   // empty = no id
    std::vector<Extension> extensions;

    EditableField() = default;
    EditableField(FieldType t, std::string_view v) : type(t), value(v) {}

    std::string_view type_name() const noexcept;
};

// An optional member of a credential. Held on the heap so that a credential with many optional
// members (passport, driver's licence) costs one pointer per absent member.
using Field = std::unique_ptr<EditableField>;

inline Field make_field(FieldType type, std::string_view value) {
    return std::make_unique<EditableField>(type, value);
}

}  // namespace cxf
