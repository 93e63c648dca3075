// SPDX-License-Identifier: MIT
// CXF 1.0 JSON: read tolerantly (what real exporters send), write strictly (what the spec says).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "cxf/io/output.h"
#include "cxf/json/tape.h"
#include "cxf/limits.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "cxf/secret.h"

namespace cxf::cxf_json {

// The exporter cxf writes into a Header when the vault has none, and the prefix of the extension
// names under which cxf keeps data that CXF has no member for.
inline constexpr std::string_view own_rp_id = "cxf.local";
inline constexpr std::string_view own_display_name = "cxf";

// The member names CXF defines (JSON pointers show other keys by position: json::Tape::names).
std::span<const std::string_view> member_names() noexcept;

struct ReadSettings {
    Limits limits;
    // Validation mode: values that cannot be read are recorded as errors in the report and reading
    // goes on. Otherwise the first such value throws Errc::malformed.
    bool collect_errors = false;
    Timestamp now = 0;  // for recognising Apple's +978307200 s dates; 0 = the current time
};

// A CXF Header, or a bare Account (vault.bare_account). Every tolerated quirk that changes data is
// recorded in `report`; spec violations that do not stop reading are recorded as errors.
Vault read(std::string_view json, const std::string& file, const ReadSettings& settings, Report& report);
// The same from text in pieces (a zip entry as it inflates).
Vault read(const json::TextSource& text, const std::string& file, const ReadSettings& settings, Report& report);

// A JSON array of CXF extension objects (how formats with room for opaque data, such as KDBX's custom
// data, carry extensions they have no other place for) and back.
std::vector<Extension> read_extensions(std::string_view json, const std::string& file, const ReadSettings& settings,
                                       Report& report);
// Writes every extension except the one named `except`; empty text when that leaves none.
crypto::Secret write_extensions(const std::vector<Extension>& extensions, std::string_view except = {});

struct WriteSettings {
    bool pretty = true;
    Timestamp now = 0;  // Header timestamp when the vault has none; 0 = the current time
    // The index of an archive: file credentials are written only when their bytes go into the archive
    // beside it (those without bytes are reported lost). Plain CXF JSON instead reports the bytes of
    // every file credential that has them as lost.
    bool archive_index = false;
};

// Strict CXF 1.0. What CXF JSON cannot hold (attachment bytes) is reported as lost.
void write(const Vault& vault, io::Output& out, const WriteSettings& settings, Report& report);

inline crypto::SecureBytes write(const Vault& vault, const WriteSettings& settings, Report& report) {
    io::MemoryOutput out;
    write(vault, out, settings, report);
    return std::move(out.bytes());
}

}  // namespace cxf::cxf_json
