// SPDX-License-Identifier: MIT
// Google Password Manager / Chrome / Edge CSV exports (format id "chrome-csv"):
// name,url,username,password,note, and the older layout without note.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::chrome_csv {

// One login item per row; an android://HASH@PACKAGE/ URL is an Android app of the item's scope.
// Throws cxf::Error (malformed) at "line 1" for a header without name, url, username or password, at
// "line N, column M" for damaged CSV or a row longer than the header.
Vault read(const Input& input, const ReadOptions& options, Report& report);

}  // namespace cxf::chrome_csv
