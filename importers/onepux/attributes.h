// SPDX-License-Identifier: MIT
// export.attributes: {version, description, createdAt} (1Password's documentation) or with
// "timestamp" instead of "createdAt" (what 1Password 8 wrote in 2022).
#pragma once

#include <optional>
#include <string>

#include "cxf/io/zip.h"
#include "cxf/model/field.h"

namespace cxf::onepux {

struct ExportAttributes {
    std::optional<Timestamp> created;
    std::optional<std::int64_t> version;
    crypto::Secret kept;  // the members other than the time, as a JSON object; empty when there are none
};

// nullopt when the zip has no export.attributes. Errc::malformed at "<file>:export.attributes" and
// the JSON pointer when it is not such an object.
std::optional<ExportAttributes> read_attributes(const io::ZipReader& zip, const std::string& file, const Limits& limits);

}  // namespace cxf::onepux
