// SPDX-License-Identifier: MIT
// Helpers for the Bitwarden format tests: reading fixtures (with their passwords), writing through a
// format into memory, finding items and credentials, and comparing Bitwarden JSON documents.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/validate/validate.h"
#include "tests/support/json_diff.h"
#include "tests/support/vault_lookup.h"

namespace bwtest {

// The passwords of the protected fixtures (testdata/bitwarden/PROVENANCE.md).
inline constexpr std::string_view keepassxc_password = "a";
inline constexpr std::string_view synthetic_password = "bitwarden-export-test";

// Reads testdata/<relative> with the format detected from its content.
cxf::Vault read(std::string_view relative, cxf::Report& report, std::string_view password = {});
// Reads text with a given format.
cxf::Vault read_text(std::string_view format_id, std::string_view text, cxf::Report& report, std::string_view password = {});

// Writes with a format into memory with `options` (their password and time set here).
std::string write(std::string_view format_id, const cxf::Vault& vault, cxf::Report& report,
                  cxf::WriteOptions options = {}, std::string_view password = {});

using test::all;
using test::item_titled;
using test::only;
using test::value;


// The differences between two Bitwarden JSON documents that carry meaning: members that only one
// side has with a default value (null, false, 0, "", []) — what older exports leave out and
// current ones write — are not counted.
std::vector<test::Difference> meaningful_diff(std::string_view a, std::string_view b);

// Counts notices of a kind whose field starts with `field`.
std::size_t count(const cxf::Report& report, cxf::NoticeKind kind, std::string_view field);

bool has_message(const cxf::Report& report, cxf::NoticeKind kind, std::string_view text);

// Parses JSON text for inspection in tests.
struct Json {
    explicit Json(std::string_view text);
    cxf::json::Tape tape;
    std::string base;
    cxf::json::Cursor root() const { return {tape, 0, base}; }
};

// The member at a "/"-separated path of keys and array indexes ("items/0/login/totp").
cxf::json::Cursor at(const cxf::json::Cursor& root, std::string_view path);

}  // namespace bwtest
