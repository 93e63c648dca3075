// SPDX-License-Identifier: MIT
// What makes two items the same credential for `cxf merge`: a passkey's rpId and credential id, or a
// login's site and username.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cxf/model/vault.h"

namespace cxf::merging {

// "scheme://host[:port]" of a URL: scheme and host lowercased, no user info, path, query or fragment,
// the port only when it is not the scheme's default (80, 443). A bare host is taken as https. Empty
// when the text has no host.
std::string normalised_site(std::string_view url);

// The same address: the same site and the same rest, but for a trailing slash.
bool same_url(std::string_view a, std::string_view b);

struct Identity {
    std::string key;          // equal keys: the same credential
    std::string description;  // for the report: "passkey for webauthn.io", "login at https://x.example" (no username)
};

// An item's identities: one per passkey, and its login (the first URL's site and the first
// basic-auth's username) when it has a basic-auth credential and a URL with a host.
std::vector<Identity> identities(const Item& item);

}  // namespace cxf::merging
