// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/map/codec.h"

#include "cxf/bitwarden/guid.h"
#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"

namespace cxf::bitwarden_json {

namespace {

using bitwarden::format_guid;
using bitwarden::guid_bytes;

constexpr std::string_view b64_prefix = "b64.";

}  // namespace

bool all_digits(std::string_view text) noexcept {
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return !text.empty();
}

std::string guid_for(ByteView id) {
    if (id.size() == guid_bytes) return format_guid(id);
    return format_guid(ByteView(crypto::sha256({id})).first(guid_bytes));
}

std::optional<Bytes> parse_credential_id(std::string_view text) {
    if (text.starts_with(b64_prefix)) {
        auto raw = encoding::base64url_decode(text.substr(b64_prefix.size()));
        if (!raw || raw->empty()) return std::nullopt;
        return raw;
    }
    return bitwarden::parse_guid(text);
}

std::string format_credential_id(ByteView raw_id) {
    if (raw_id.size() == guid_bytes) return format_guid(raw_id);
    return std::string(b64_prefix) + encoding::base64url_encode(raw_id);
}

}  // namespace cxf::bitwarden_json
