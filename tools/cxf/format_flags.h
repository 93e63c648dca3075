// SPDX-License-Identifier: MIT
// Each format's own flags (--kdbx-kdf, --bitwarden-encrypt, --identity …) → its typed member of
// ReadOptions or WriteOptions; and the flag that stands for each option a library message names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "cxf/plugin/format.h"

namespace cxf::cli {

namespace po = boost::program_options;

// A flag of another format than `format` is a usage error (po::error); a value the format does not
// take too. Files named by flags (--identity) are read here, within the run's limits.
void apply_read_flags(const po::variables_map& vm, const Format& format, ReadOptions& options);
// Several inputs (cxf merge): each takes the flags of its own format, and a flag no input's format
// takes is a usage error once all are known.
void apply_own_read_flags(const po::variables_map& vm, const Format& format, ReadOptions& options);
void check_read_flags_used(const po::variables_map& vm, const std::vector<const Format*>& read);
// Only a format that is always encrypted (KDBX) can be opened with a key file.
bool takes_key_file(const Format& format);
void apply_write_flags(const po::variables_map& vm, const Format& format, WriteOptions& options);

// A small file of key material named by a flag (key file, private key, ExportRequest): at most
// 64 MiB, and no more than the run's input limit.
Input read_key_material(const std::string& path, const Limits& limits);

// The flag(s) for an option a library message names as {NAME} (see cxf::Error).
std::string flag_for(std::string_view option);

}  // namespace cxf::cli
