// SPDX-License-Identifier: MIT
// Dashlane's exports: the zip of CSV files (format id "dashlane"; a lone CSV file of it too) and the
// legacy JSON export (format id "dashlane-json"). Dashlane imports only its own layouts, so there is
// no writer.
#pragma once

#include "cxf/plugin/format.h"

namespace cxf::dashlane {

// A zip whose CSV members are recognised by their header (credentials, secure notes, payments, ids,
// personal info), or one such CSV file alone. Throws cxf::Error: malformed for a zip no member of
// which has a Dashlane header, for a lone CSV whose header is none of them, and at
// "FILE:ENTRY" + "line N, column M" for damaged CSV; the zip reader's errors for a damaged zip.
Vault read(const Input& input, const ReadOptions& options, Report& report);

// The legacy JSON export: an object of upper-case sections (AUTHENTIFIANT, EMAIL, …), each an array
// of objects of strings. Throws cxf::Error (malformed) at the JSON pointer of a value of another type.
Vault read_json(const Input& input, const ReadOptions& options, Report& report);

}  // namespace cxf::dashlane
