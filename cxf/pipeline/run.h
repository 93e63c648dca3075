// SPDX-License-Identifier: MIT
// The steps convert() and merge_files() share: reading one input, and everything after the vault
// is in hand (selecting, writing every part, validating CXF, committing with the report).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cxf/pipeline/convert.h"

namespace cxf::pipeline {

// Reads `path` in format `from` (null: detected from its content); `prepare`, if any, fills the read
// options once the format is known. CXF input is validated into `report`. Sets `format` to its id.
Vault read_one(const std::string& path, const Format* from, ReadOptions& read,
               const std::function<void(const Format&, ReadOptions&)>& prepare, Report& report, std::string& format);

// What cxf writes as CXF must pass its own validator: the error that an error `finding` of that check
// gives for the output `name`.
Error invalid_output(const std::string& name, const Notice& finding);

// Runs `read` (which records what it read in the Conversion) and writes its vault as `o` says.
// `inputs` are the files read, which the report must not name. Never throws cxf::Error.
Conversion run(const OutputOptions& o, const std::vector<std::string>& inputs, Conversion c,
               const std::function<Vault(Conversion&)>& read);

}  // namespace cxf::pipeline
