// SPDX-License-Identifier: MIT
#include "exporters/bitwarden_json/members.h"

namespace cxf::bitwarden_json {

void member(json::Builder& out, std::string_view key, std::string_view value) { out.key(key).string(value); }

void member(json::Builder& out, std::string_view key, const Field& field) {
    if (field) member(out, key, field->value.view());
    else member(out, key, nullptr);
}

void member(json::Builder& out, std::string_view key, const std::optional<std::string>& value) {
    if (value) member(out, key, *value);
    else member(out, key, nullptr);
}

void member(json::Builder& out, std::string_view key, std::nullptr_t) { out.key(key).null(); }

}  // namespace cxf::bitwarden_json
