// SPDX-License-Identifier: MIT
// The export key: the password through the account's KDF, stretched into an AES key and a MAC key.
#pragma once

#include <cstdint>
#include <string_view>

#include "cxf/bitwarden/enc_string.h"
#include "cxf/bitwarden/protected_export.h"

namespace cxf::bitwarden {

// Bounds of libargon2 itself (argon2.h): memory is counted in KiB in a uint32, at least 8 KiB per lane.
inline constexpr std::uint64_t argon2_max_memory_mib = 0xFFFFFFFFu / 1024;
inline constexpr std::uint64_t argon2_max_lanes = 0xFFFFFF;
inline constexpr std::uint64_t argon2_min_kib_per_lane = 8;

// `salt` is the envelope's salt text as written. Cost limits are the caller's to check first.
SymmetricKey derive_export_key(const crypto::Secret& password, std::string_view salt, const KdfParams& kdf);

// Throws Errc::usage unless Bitwarden's importer accepts these parameters.
void check_importable(const KdfParams& kdf);

}  // namespace cxf::bitwarden
