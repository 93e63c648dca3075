// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/composite_key.h"

#include <algorithm>

#include "cxf/io/file.h"

namespace cxf::kdbx_map {

kdbx::CompositeKey composite_key(const PasswordProvider* password, const std::optional<std::string>& key_file,
                                 const Limits& limits) {
    std::optional<Input> key;
    if (key_file) {
        Limits small = limits;
        small.max_input_bytes = std::min<std::uint64_t>(small.max_input_bytes, 64ull << 20);
        key = io::read_input(*key_file, small);
    }
    std::optional<crypto::Secret> secret;
    if (password) secret = (*password)();
    return kdbx::make_composite_key(secret ? &*secret : nullptr, key ? std::optional<ByteView>(key->bytes) : std::nullopt,
                                    key ? key->name : std::string());
}

}  // namespace cxf::kdbx_map
