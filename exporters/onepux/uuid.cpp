// SPDX-License-Identifier: MIT
#include "exporters/onepux/uuid.h"

#include <algorithm>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"

namespace cxf::onepux::out {

namespace {

constexpr std::size_t uuid_bytes = 16;  // 26 Base32 letters

bool plain_text(const Id& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](std::uint8_t c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
           });
}

}  // namespace

std::string uuid_text(const Id& id) {
    if (plain_text(id)) return std::string(id.begin(), id.end());
    Bytes basis = id;
    if (basis.size() != uuid_bytes) {
        const crypto::SecureBytes digest = crypto::sha256({id});
        basis.assign(digest.begin(), digest.begin() + uuid_bytes);
    }
    std::string text = encoding::base32_encode(basis);
    std::transform(text.begin(), text.end(), text.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return text;
}

}  // namespace cxf::onepux::out
