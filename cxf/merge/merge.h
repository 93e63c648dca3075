// SPDX-License-Identifier: MIT
// Combining several vaults into one (`cxf merge`, docs/cli.md): the same passkey or login found in
// several places is kept once, what the copies add is kept with it, and where they differ is listed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf {

struct MergeSource {
    std::string name;  // the file as the user named it, for notices
    Vault vault;
};

// An item as it was in its source.
struct ItemOrigin {
    std::size_t source = 0;  // index into the sources
    std::string title;
    std::optional<Timestamp> modified_at;
};

// Items recognised as one credential, kept as one.
struct MergedDuplicate {
    std::string matched_by;            // "passkey for webauthn.io", "login at https://a.example.com"
    ItemOrigin kept;
    std::vector<ItemOrigin> merged;    // folded into the kept item and left out
    std::vector<std::string> added;    // types of the credentials the kept item took from them
};

// A duplicate whose credentials differ from the kept item's.
struct MergeConflict {
    ItemOrigin kept, other;
    std::vector<std::string> fields;   // "basic-auth.password", "totp.secret" … never a value
};

struct Merged {
    Vault vault;
    std::vector<MergedDuplicate> duplicates;
    std::vector<MergeConflict> conflicts;
};

// One vault with one account (the first source's first account's details; every account's items
// and collections). Items sharing an identity (cxf/merge/identity.h), within or across sources, are
// one: the most recently modified is kept (a tie: the one from the earlier source, then the earlier
// item), and takes what the others have that it lacks (cxf/merge/fold.h). Collections are united by
// their path of titles; the kept item stays in its own collections. An item, collection or file id
// already taken gets a new one, reported as `changed`.
Merged merge(std::vector<MergeSource> sources, Report& report);

}  // namespace cxf
