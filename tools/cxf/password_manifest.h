// SPDX-License-Identifier: MIT
// A batch's password manifest (--password-manifest FILE): where the password of each input is.
#pragma once

#include <map>
#include <string>

#include "tools/cxf/passwords.h"

namespace cxf::cli {

// Input file name (without its directory) → its password source.
using PasswordManifest = std::map<std::string, PasswordOptions, std::less<>>;

// Reads a manifest: one line per input, NAME<TAB>SOURCE, where NAME is the input's file name and
// SOURCE is `file:PATH` (the file's content minus one trailing newline; a relative PATH is taken from
// the manifest's directory) or `env:VAR` (an environment variable). Empty lines and lines starting
// with '#' are skipped; a "\r\n" line end counts as "\n". A malformed line is Errc::usage naming the
// manifest and the line, and never showing what the line holds (it may be a password written there).
PasswordManifest read_password_manifest(const std::string& path);

}  // namespace cxf::cli
