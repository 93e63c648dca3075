// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/json.h"

#include <limits>

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/tape.h"

namespace cxf::kdbx_map {

void write_uuid(json::Builder& out, const kdbx::Uuid& value) { out.string(encoding::base64_encode(value)); }

void write_bytes(json::Builder& out, ByteView value) {
    const crypto::Secret text = encoding::base64_encode_secret(value);
    out.string(text.view());
}

void write_time(json::Builder& out, kdbx::Time value) { out.integer(value.to_unix()); }

JsonDoc::JsonDoc(std::string_view text, std::string what)
    : json::Reader({"", what, " in what cxf wrote there", json::Wording::expected}), document_(text, what) {
    if (!root().is_object()) fail(root(), "an object");
}

std::optional<kdbx::Uuid> JsonDoc::uuid(const json::Cursor& object, std::string_view key) const {
    const auto text = optional_string(object, key);
    if (!text) return std::nullopt;
    const auto decoded = encoding::base64_decode(*text);
    if (!decoded || decoded->size() != 16) fail(*object.find(key), "a base64 UUID");
    kdbx::Uuid uuid;
    std::copy(decoded->begin(), decoded->end(), uuid.begin());
    return uuid;
}

std::optional<Bytes> JsonDoc::bytes(const json::Cursor& object, std::string_view key) const {
    const auto text = optional_string(object, key);
    if (!text) return std::nullopt;
    auto decoded = encoding::base64_decode(*text);
    if (!decoded) fail(*object.find(key), "base64");
    return decoded;
}

std::optional<crypto::SecureBytes> JsonDoc::secure_bytes(const json::Cursor& object, std::string_view key) const {
    const auto text = optional_string(object, key);
    if (!text) return std::nullopt;
    auto decoded = encoding::base64_decode_secure(*text);
    if (!decoded) fail(*object.find(key), "base64");
    return decoded;
}

std::optional<kdbx::Time> JsonDoc::time(const json::Cursor& object, std::string_view key) const {
    const auto seconds = optional_integer(object, key);
    if (!seconds) return std::nullopt;
    return kdbx::Time::from_unix(*seconds);
}

std::optional<std::size_t> JsonDoc::index(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    return index(*v);
}

std::size_t JsonDoc::index(const json::Cursor& value) const {
    const std::int64_t n = integer(value);
    if (n < 0) fail(value, "a count or index, not negative");
    return static_cast<std::size_t>(n);
}

}  // namespace cxf::kdbx_map
