// SPDX-License-Identifier: MIT
// KDBX key derivation: AES-KDF and Argon2d/id, their KDBX 4 parameter dictionary, and their cost caps.
#pragma once

#include <chrono>
#include <string>

#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

// KDBX 4 field 11 ↔ parameters. Throws Errc::unsupported for an unknown KDF, Errc::malformed for
// missing or mistyped parameters. `place` locates the field in messages.
KdfParameters kdf_from_map(const VariantMap& map, const std::string& file, const std::string& place);
VariantMap kdf_to_map(const KdfParameters& kdf);

// Format bounds (Errc::malformed) and then Limits caps (Errc::limit_exceeded), before any work.
void check_kdf(const KdfParameters& kdf, const Limits& limits, const std::string& file, const std::string& place);

// The 32-byte transformed key.
crypto::SecureBytes transform_key(ByteView composite_key, const KdfParameters& kdf);

// `kdf` with its rounds (AES-KDF) or iterations (Argon2) set to take about `target` on this machine.
KdfParameters tune_kdf(KdfParameters kdf, std::chrono::milliseconds target);

}  // namespace cxf::kdbx::detail
