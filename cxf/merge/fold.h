// SPDX-License-Identifier: MIT
// Folding a duplicate into the item kept for it: what the kept item lacks is added, what both have
// and differs is named (never its value).
#pragma once

#include <string>
#include <vector>

#include "cxf/model/vault.h"

namespace cxf::merging {

// What differs between two credentials of one type, as "TYPE.member" ("basic-auth.password",
// "totp.secret"), or the type alone where the credential has no named members; empty when equal.
// An absent field and an empty one are the same.
std::vector<std::string> differences(const Credential& kept, const Credential& other);

struct Folded {
    std::vector<std::string> added;        // the types of the credentials moved into the kept item
    std::vector<std::string> differences;  // what both have and differs (see differences())
};

// Moves into `kept` the credentials it lacks: a passkey with another rpId + credential id, a file
// with other bytes or name, and of the other types one the kept item has none of. Tags, URLs and
// Android apps are united; a favourite stays one.
Folded fold(Item& kept, Item&& duplicate);

}  // namespace cxf::merging
