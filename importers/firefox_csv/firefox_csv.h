// SPDX-License-Identifier: MIT
// Firefox's logins export (format id "firefox-csv"): url,username,password,httpRealm,formActionOrigin,
// guid,timeCreated,timeLastUsed,timePasswordChanged.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::firefox_csv {

// One login item per row, titled with its URL's host. Throws cxf::Error (malformed) at "line 1" for a
// header without url, username or password, at "line N, column M" for damaged CSV or a row longer than
// the header.
Vault read(const Input& input, const ReadOptions& options, Report& report);

}  // namespace cxf::firefox_csv
