// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/composite_key.h"

namespace cxf::kdbx_map {

kdbx::CompositeKey composite_key(const PasswordProvider* password, const std::optional<Input>& key_file) {
    std::optional<crypto::Secret> secret;
    if (password) secret = (*password)();
    return kdbx::make_composite_key(secret ? &*secret : nullptr,
                                    key_file ? std::optional<ByteView>(key_file->bytes) : std::nullopt,
                                    key_file ? key_file->name : std::string());
}

}  // namespace cxf::kdbx_map
