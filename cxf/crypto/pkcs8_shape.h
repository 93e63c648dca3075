// SPDX-License-Identifier: MIT
// The PKCS#8 keys passkeys almost always hold, recognised without OpenSSL's decoders: those take about
// 45 µs a key (provider lookups, a new EC group each time), a tenth of a KDBX read with many passkeys.
#pragma once

#include <optional>

#include "cxf/crypto/keys.h"

namespace cxf::crypto::detail {

// What inspect_pkcs8 would say, for DER of exactly these shapes: a version 0 PrivateKeyInfo without
// attributes holding an Ed25519 key, or an EC key on P-256, P-384 or P-521 (named in the algorithm
// only) with its scalar at full width and in range and an uncompressed public key on the curve.
// nullopt for anything else, which OpenSSL then decides: this never accepts what it would refuse.
std::optional<KeyInfo> inspect_common_pkcs8(ByteView der);

// inspect_pkcs8 decided by OpenSSL alone, whatever the shape.
std::optional<KeyInfo> inspect_pkcs8_with_openssl(ByteView der);

}  // namespace cxf::crypto::detail
