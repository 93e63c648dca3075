// SPDX-License-Identifier: MIT
// Semantic comparison of JSON documents (member order ignored) and of vaults, for round-trip tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cxf/json/cursor.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace test {

struct Difference {
    std::string pointer;
    std::string kind;    // "added", "removed", "changed"
    std::string before;  // compact JSON of the value, empty when added
    std::string after;   // compact JSON of the value, empty when removed
};

std::string to_string(const Difference& d);
std::string to_string(const std::vector<Difference>& ds);

std::vector<Difference> json_diff(const cxf::json::Cursor& a, const cxf::json::Cursor& b);
std::vector<Difference> json_diff(std::string_view a, std::string_view b);

// Everything the model holds: the CXF serialisation (which covers every model member except
// attachment bytes) plus the attachment bytes.
std::vector<Difference> vault_diff(const cxf::Vault& a, const cxf::Vault& b);

// A report's notices, a line each ("place: message"), to compare the reports of two reads.
std::string notices_text(const cxf::Report& report);

}  // namespace test
