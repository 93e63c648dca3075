// SPDX-License-Identifier: MIT
#include "exporters/bitwarden_json/metadata.h"

namespace cxf::bitwarden_json {

namespace {

std::size_t in_collections(const std::vector<Collection>& collections) {
    std::size_t n = 0;
    for (const Collection& c : collections)
        n += (c.subtitle ? 1 : 0) + (c.creation_at ? 1 : 0) + (c.modified_at ? 1 : 0) + in_collections(c.sub_collections);
    return n;
}

}  // namespace

void note_unkept_metadata(const Vault& vault, std::string_view target, Report& report) {
    std::size_t accounts = 0, subtitles = 0, folders = 0;
    for (const Account& a : vault.accounts) {
        if (!a.username.empty() || !a.email.empty() || a.full_name) ++accounts;
        for (const Item& item : a.items) subtitles += item.subtitle ? 1 : 0;
        folders += in_collections(a.collections);
    }
    if (accounts + subtitles + folders == 0) return;
    report.note("", std::string(target) + " keeps no account names (" + std::to_string(accounts) + " account(s)), item "
                    "subtitles (" + std::to_string(subtitles) + ") or folder dates and subtitles (" +
                    std::to_string(folders) + "); they are not written");
}

}  // namespace cxf::bitwarden_json
