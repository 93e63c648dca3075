// SPDX-License-Identifier: MIT
// The fuzz targets: every reader and decoder fed untrusted bytes. Each throws nothing but cxf::Error
// on any input; anything else (another exception, a crash, a sanitizer report) is a bug.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "cxf/secret.h"

namespace cxf::fuzz {

struct Target {
    std::string name;  // "format-kdbx", "base-encodings", …: also the seed corpus folder's name
    std::function<void(ByteView data)> run;
};

// Every target: one per format that reads (through the registry, so a new format gets one), then
// one per decoder. Keys and passwords the targets use come from `testdata_dir`.
std::span<const Target> targets(const std::string& testdata_dir);

// Runs a target on one input: nothing when it was read, the message when it was refused with
// cxf::Error (the expected way to refuse); any other exception escapes.
std::optional<std::string> run_one(const Target& target, ByteView data);

}  // namespace cxf::fuzz
