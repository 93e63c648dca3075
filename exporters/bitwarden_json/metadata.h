// SPDX-License-Identifier: MIT
// Descriptive data no Bitwarden export has a place for (account names, item subtitles, folder
// dates and subtitles): not credentials, so noted once rather than reported lost one by one.
#pragma once

#include <string_view>

#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "exporters/bitwarden_json/folder_index.h"

namespace cxf::bitwarden_json {

void note_unkept_metadata(const Vault& vault, const FolderIndex& folders, std::string_view target, Report& report);

}  // namespace cxf::bitwarden_json
