// SPDX-License-Identifier: MIT
// The "cxf.local/bitwarden" extension: what a Bitwarden export holds that CXF has no member for
// (reprompt, URI match settings, passkey counters, linked fields, original spellings of values…),
// kept as one JSON object on the item, collection, account or custom-fields credential it belongs
// to, so that Bitwarden → CXF → Bitwarden loses nothing. docs/formats/bitwarden.md lists its members.
#pragma once

#include <string_view>

#include "cxf/json/extension.h"

namespace cxf::bitwarden_json {

inline constexpr std::string_view extension_name = "cxf.local/bitwarden";

using json::ExtensionBuilder;
using json::ExtensionView;
using json::json_integer;
using json::json_null;
using json::json_string;

}  // namespace cxf::bitwarden_json
