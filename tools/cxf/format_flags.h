// SPDX-License-Identifier: MIT
// Each format's own flags (--kdbx-kdf, --bitwarden-encrypt, --identity …) → its typed member of
// ReadOptions or WriteOptions; and the flag that stands for each option a library message names.
#pragma once

#include <string>
#include <string_view>

#include <boost/program_options.hpp>

#include "cxf/plugin/format.h"

namespace cxf::cli {

namespace po = boost::program_options;

// Input flags (and --key-file) of other formats than the one read: a usage error when one file is
// read; left to the inputs of their own formats in a batch, which reads several.
enum class OtherFormatFlags { refused, ignored };

// A flag of another format than `format` is a usage error (po::error) unless `others` says otherwise;
// a value the format does not take is one always. Files named by flags (--identity) are read here,
// within the run's limits.
void apply_read_flags(const po::variables_map& vm, const Format& format, ReadOptions& options,
                      OtherFormatFlags others = OtherFormatFlags::refused);
void apply_write_flags(const po::variables_map& vm, const Format& format, WriteOptions& options);

// A small file of key material named by a flag (key file, private key, ExportRequest): at most
// 64 MiB, and no more than the run's input limit.
Input read_key_material(const std::string& path, const Limits& limits);

// The flag(s) for an option a library message names as {NAME} (see cxf::Error).
std::string flag_for(std::string_view option);

}  // namespace cxf::cli
