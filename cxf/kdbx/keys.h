// SPDX-License-Identifier: MIT
// KDBX keys: key files, the composite key, and the keys derived from the transformed key.
#pragma once

#include <string>

#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// The 32-byte component a key file contributes (KeePass KcpKeyFile, see kdbx.md §1.5).
crypto::SecureBytes key_file_component(ByteView file, const std::string& file_name);

struct MasterKeys {
    crypto::SecureBytes cipher_key;     // SHA-256(master seed || transformed key)
    crypto::SecureBytes hmac_base_key;  // SHA-512(master seed || transformed key || 0x01), KDBX 4
};
MasterKeys derive_master_keys(ByteView master_seed, ByteView transformed_key);

// KDBX 4 per-block HMAC key: SHA-512(LE64(index) || base key); the header uses index 2^64-1.
crypto::SecureBytes block_hmac_key(ByteView hmac_base_key, std::uint64_t index);

}  // namespace cxf::kdbx::detail
