// SPDX-License-Identifier: MIT
// Helpers of the KDBX object model: random UUIDs and string lookup.
#include "cxf/kdbx/database.h"

#include <algorithm>

#include "cxf/crypto/hash.h"
#include "cxf/error.h"

namespace cxf::kdbx {

Uuid new_uuid() {
    const crypto::SecureBytes random = crypto::random_bytes(16);
    Uuid uuid{};
    std::copy(random.begin(), random.end(), uuid.begin());
    uuid[6] = static_cast<std::uint8_t>((uuid[6] & 0x0F) | 0x40);  // RFC 4122 §4.4: version 4
    uuid[8] = static_cast<std::uint8_t>((uuid[8] & 0x3F) | 0x80);  // variant 10
    return uuid;
}

const StringField* Entry::find(std::string_view key) const noexcept {
    const auto it = std::find_if(strings.begin(), strings.end(), [&](const StringField& s) { return s.key == key; });
    return it == strings.end() ? nullptr : &*it;
}

}  // namespace cxf::kdbx
