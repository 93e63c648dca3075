// SPDX-License-Identifier: MIT
#include "exporters/bitwarden_json/metadata.h"

namespace cxf::bitwarden_json {

void note_unkept_metadata(const Vault& vault, const FolderIndex& folders, std::string_view target, Report& report) {
    std::size_t accounts = 0, subtitles = 0, folder_data = 0;
    for (const Account& a : vault.accounts) {
        if (!a.username.empty() || !a.email.empty() || a.full_name) ++accounts;
        for (const Item& item : a.items) subtitles += item.subtitle ? 1 : 0;
    }
    for (const Folder& f : folders.folders()) {
        const Collection& c = *f.collection;
        folder_data += (c.subtitle ? 1 : 0) + (c.creation_at ? 1 : 0) + (c.modified_at ? 1 : 0);
    }
    if (accounts + subtitles + folder_data == 0) return;
    report.note("", std::string(target) + " keeps no account names (" + std::to_string(accounts) + " account(s)), item "
                    "subtitles (" + std::to_string(subtitles) + ") or folder dates and subtitles (" +
                    std::to_string(folder_data) + "); they are not written");
}

}  // namespace cxf::bitwarden_json
