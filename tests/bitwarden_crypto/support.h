// SPDX-License-Identifier: MIT
// Helpers for the Bitwarden export crypto tests: fixtures and their passwords, cheap KDF settings,
// editing envelopes, and running the independent Python reference.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/bitwarden/protected_export.h"
#include "cxf/error.h"
#include "tests/support/testdata.h"
#include "tests/support/thrown.h"

namespace test::bitwarden_crypto {

// The plain export both synthetic protected fixtures hold, byte for byte.
inline constexpr std::string_view synthetic_plain = "synthetic-bitwarden-plain-with-passkeys.json";

std::string fixture(std::string_view name);  // text of testdata/bitwarden/<name>
std::vector<std::string> json_fixtures();     // names of testdata/bitwarden/*.json
// File name → password, from the Password column of testdata/bitwarden/PROVENANCE.md ("none" left out).
std::map<std::string, std::string> fixture_passwords();

// The lowest settings Bitwarden imports, so tests stay fast and the envelopes stay importable.
cxf::bitwarden::KdfParams cheap_pbkdf2();
cxf::bitwarden::KdfParams cheap_argon2id();

std::string text_of(const cxf::crypto::SecureBytes& bytes);
std::string encrypt(std::string_view plain, std::string_view password, const cxf::bitwarden::KdfParams& kdf);
std::string decrypt(std::string_view envelope, std::string_view password, const cxf::Limits& limits = {});

// The envelope with the value of its top-level member `key` replaced by the JSON text `value`
// (cxf writes one member per line).
std::string with_member(std::string envelope, std::string_view key, std::string_view value);
// The string value of top-level member `key` of an envelope cxf wrote.
std::string member_string(const std::string& envelope, std::string_view key);

using test::thrown_by;

// Runs tests/bitwarden_crypto/reference/bw_export.py with /usr/bin/python3; returns its exit status.
int run_reference(const std::vector<std::string>& arguments);
// Writes `password` to a file in `dir` and returns its path (the reference takes passwords only from files).
std::string password_file(const TempDir& dir, std::string_view password);
void write_file(const std::string& path, std::string_view text);

}  // namespace test::bitwarden_crypto
