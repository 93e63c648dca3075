// SPDX-License-Identifier: MIT
// Helpers for the KDBX mapping tests: the sample files and their keys, reading through the "kdbx"
// format, cheap write options, and lookups in a vault.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/kdbx/kdbx.h"
#include "cxf/validate/validate.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/vault_lookup.h"

namespace test::kdbx_mapping {

struct Fixture {
    std::string file;                     // under testdata/kdbx/
    std::optional<std::string> password;  // nullopt: no password (key file alone)
    std::optional<std::string> key_file;  // under testdata/kdbx/
};

// Every sample in testdata/kdbx that opens (the two damaged ones are left out).
const std::vector<Fixture>& fixtures();
const Fixture& fixture(std::string_view file);

const cxf::Format& kdbx_format();

// Options that give the fixture's key the way the CLI does (--no-password for a key file alone).
cxf::ReadOptions read_options(const Fixture& f);
// Through Format::read, as `cxf convert` does.
cxf::Vault read(const Fixture& f, cxf::Report& report);
// The fixture read through Format::read once per test run, with the report of that read.
struct Read {
    cxf::Vault vault;
    cxf::Report report;
};
const Read& read_once(const Fixture& f);
// The fixture's database, opened once per test run.
const cxf::kdbx::Database& database(const Fixture& f);

// Write options with KDF costs of a few milliseconds.
cxf::WriteOptions cheap_write_options(std::string password = "pw",
                                      cxf::kdbx::SaveSettings save = test::kdbx::cheap_settings());
// Cheap KDF settings for KDBX "4" or "3.1" (AES-KDF, the only KDF 3.1 has).
cxf::kdbx::SaveSettings cheap_version(std::string_view version);
cxf::ReadOptions password_options(std::string password);

// tests/kdbx_mapping/kdbx_sink.h with bytes on every file that has an empty hash (the same bytes
// in two items, so the pool shares them).
cxf::Vault kdbx_sink();

// The first item with this title in any account (history excluded), or a test failure.
const cxf::Item& item(const cxf::Vault& vault, std::string_view title);

using test::all;
template <typename T>
const T* first(const cxf::Item& item) {
    const auto found = all<T>(item);
    return found.empty() ? nullptr : found.front();
}

using test::value;
// The value of the custom field labelled `label`, or "<absent>".
std::string custom(const cxf::Item& item, std::string_view label);

std::size_t item_count(const cxf::Vault& vault);
std::size_t history_count(const cxf::Vault& vault);
std::size_t attachment_count(const cxf::Vault& vault);  // history included
std::size_t collection_count(const cxf::Vault& vault);  // nested included

// Runs a shell command; its exit status, with standard output in `out`.
int run(const std::string& command, std::string* out = nullptr);
std::string here(std::string_view relative);  // a file in tests/kdbx_mapping/

}  // namespace test::kdbx_mapping
