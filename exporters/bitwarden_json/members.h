// SPDX-License-Identifier: MIT
// Members as the Bitwarden exporter writes them through a json::Builder (indented as Bitwarden's
// clients write, JSON.stringify(…, null, "  ")): null for absent values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/json/builder.h"
#include "cxf/model/field.h"

namespace cxf::bitwarden_json {

void member(json::Builder& out, std::string_view key, std::string_view value);
inline void member(json::Builder& out, std::string_view key, const std::string& value) { member(out, key, std::string_view(value)); }
inline void member(json::Builder& out, std::string_view key, const char* value) { member(out, key, std::string_view(value)); }
void member(json::Builder& out, std::string_view key, const Field& field);  // its value, or null
void member(json::Builder& out, std::string_view key, const std::optional<std::string>& value);
void member(json::Builder& out, std::string_view key, std::nullptr_t);

}  // namespace cxf::bitwarden_json
