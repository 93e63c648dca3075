// SPDX-License-Identifier: MIT
// The "cxf.local/1password" extension: what a 1PUX export holds that CXF has no member for, kept so
// that a 1PUX writer can give the export back as it was. One JSON object per model object:
//
// On an item:
//   "category"     the categoryUuid ("001", or an id cxf does not know)
//   "state"        the state when it is not "active" ("archived")
//   "favIndex"     the favourite position when it is neither 0 nor 1 (favorite holds the rest)
//   "url"          overview.url when it is not the first of overview.urls
//   "urlLabels"    the label of each URL in scope.urls, in order, when any is not "website"
//   "overview"     overview members cxf does not map (ps, pbe, pgrng, icons, watchtowerExclusions, …)
//   "loginFields"  details.loginFields without their values: each field's members and "at", the JSON
//                  pointer (relative to the CXF item) of the value: "/credentials/0/username"
//   "passwordIn"   "details" when the basic-auth password came from details.password
//   "password"     details.password when it differs from the designated password field's value
//   "sections"     details.sections without their values: each section's members, its fields' members
//                  other than "value", plus "kind" (the value's kind) and "at" (where the value went:
//                  "/credentials/2/number", "/credentials/3/fields/0", "/credentials/4" for a value
//                  that is a whole credential; absent for an empty value). When the CXF value cannot
//                  give the 1PUX one back, also "seconds" (a date's time of day), "provider" (an
//                  e-mail's), "spelling" (a country code's case), "value" (a TOTP's text; an unknown
//                  kind's or a passkey's value), "json": true (an unknown kind's non-text value),
//                  "address" (address members other than street, city, state, zip, country), and for
//                  an sshKey "metadata" (all but its privateKey), "opensshCheck"/"opensshLineWidth"
//                  (the outer privateKey in OpenSSH form) or "privateKey" (any other outer text),
//                  "sshKey" (its other members)
//   "details"      details members cxf does not map (htmlForm, passkey metadata, …), verbatim
//   "documentAttributes"  members of details.documentAttributes other than fileName, documentId
//                  and decryptedSize
//   "extra"        item members cxf does not know, verbatim
//   "wrapper"      members of an older export's {"item": …} wrapper other than item and trashed
// On an earlier version in Item::history (a passwordHistory entry): "extra", its members other than
//   value and time.
// On a collection (a vault): "type" (P, E, U…), "avatar", "attrs" (other vault attributes) and
//   "extra" (vault members other than attrs and items), verbatim.
// On an account: "accountName", "domain", "avatar", "attrs" (other account attributes), "extra"
//   (account members other than attrs and vaults) and "attributes": export.attributes other than
//   createdAt (version, description; "timestamp" when the export used that name), verbatim.
#pragma once

#include <string_view>

#include "cxf/json/extension.h"

namespace cxf::onepassword {

inline constexpr std::string_view extension_name = "cxf.local/1password";

using json::ExtensionBuilder;

}  // namespace cxf::onepassword
