// SPDX-License-Identifier: MIT
// Small CXF documents for tests, and checks on the findings they produce.
#pragma once

#include <string>
#include <string_view>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/error.h"
#include "cxf/validate/validate.h"

namespace test {

// A Header with one account holding one item (id "Ag", title "T") with these credentials; `item_extra`
// is spliced into the item object (start it with a comma), `account_extra` into the account.
inline std::string one_item(std::string_view credentials, std::string_view item_extra = "",
                            std::string_view account_extra = "") {
    std::string doc = R"({"version":{"major":1,"minor":0},"exporterRpId":"x.example","exporterDisplayName":"X",)"
                      R"("timestamp":1700000000,"accounts":[{"id":"AQ","username":"","email":"")";
    doc += account_extra;
    doc += R"(,"collections":[],"items":[{"id":"Ag","title":"T","credentials":[)";
    doc += credentials;
    doc += "]";
    doc += item_extra;
    doc += "}]}]}";
    return doc;
}

// Reads in validation mode (unreadable values become findings) and validates.
inline cxf::Report check(const std::string& doc, cxf::Timestamp now = 1790000000) {
    cxf::Report report;
    cxf::cxf_json::ReadSettings settings;
    settings.collect_errors = true;
    settings.now = now;
    const cxf::Vault vault = cxf::cxf_json::read(doc, "doc.cxf", settings, report);
    cxf::validate(vault, report);
    return report;
}

// The one notice at `place` of this severity whose message contains `text`.
inline bool has(const cxf::Report& r, cxf::Severity severity, std::string_view place, std::string_view text) {
    for (const cxf::Notice& n : r.notices())
        if (n.severity == severity && n.place == place && n.message.find(text) != std::string::npos) return true;
    return false;
}

inline std::size_t errors(const cxf::Report& r) {
    std::size_t n = 0;
    for (const cxf::Notice& x : r.notices()) n += x.severity == cxf::Severity::error;
    return n;
}

inline std::string dump(const cxf::Report& r) {
    std::string out;
    for (const cxf::Notice& n : r.notices())
        out += std::string(cxf::severity_name(n.severity)) + " " + n.place + ": " + n.message + "\n";
    return out;
}

}  // namespace test
