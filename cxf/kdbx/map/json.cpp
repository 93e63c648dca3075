// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/json.h"

#include <limits>

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/tape.h"

namespace cxf::kdbx_map {

JsonOut& JsonOut::key(std::string_view name) {
    writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    return *this;
}

void JsonOut::string(std::string_view value) {
    writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void JsonOut::uuid(const kdbx::Uuid& value) { string(encoding::base64_encode(value)); }

void JsonOut::bytes(ByteView value) {
    const crypto::Secret text = encoding::base64_encode_secret(value);
    string(text.view());
}

void JsonOut::raw(std::string_view json) {
    writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
}

JsonDoc::JsonDoc(std::string_view text, std::string what) : tape_(std::make_unique<json::Tape>()), what_(std::move(what)) {
    Limits limits;
    json::parse(text, what_, limits, *tape_);
    root_.emplace(*tape_, 0, base_);
    if (!root_->is_object()) fail(*root_, "an object");
}

void JsonDoc::fail(const json::Cursor& at, std::string_view expected) const {
    throw Error(Errc::malformed, {"", what_ + at.pointer()}, "expected " + std::string(expected) + " in what cxf wrote there");
}

std::optional<std::string_view> JsonDoc::string(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    return string(*v);
}

std::optional<std::int64_t> JsonDoc::integer(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    return integer(*v);
}

std::optional<bool> JsonDoc::boolean(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    return boolean(*v);
}

std::optional<json::Cursor> JsonDoc::object(const json::Cursor& object, std::string_view key) const {
    auto v = object.find(key);
    if (v && !v->is_object()) fail(*v, "an object");
    return v;
}

std::optional<json::Cursor> JsonDoc::array(const json::Cursor& object, std::string_view key) const {
    auto v = object.find(key);
    if (v && !v->is_array()) fail(*v, "an array");
    return v;
}

std::optional<kdbx::Uuid> JsonDoc::uuid(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    const auto decoded = encoding::base64_decode(string(*v));
    if (!decoded || decoded->size() != 16) fail(*v, "a base64 UUID");
    kdbx::Uuid uuid;
    std::copy(decoded->begin(), decoded->end(), uuid.begin());
    return uuid;
}

std::optional<Bytes> JsonDoc::bytes(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    auto decoded = encoding::base64_decode(string(*v));
    if (!decoded) fail(*v, "base64");
    return decoded;
}

std::optional<crypto::SecureBytes> JsonDoc::secure_bytes(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    auto decoded = encoding::base64_decode_secure(string(*v));
    if (!decoded) fail(*v, "base64");
    return decoded;
}

std::optional<kdbx::Time> JsonDoc::time(const json::Cursor& object, std::string_view key) const {
    const auto seconds = integer(object, key);
    if (!seconds) return std::nullopt;
    return kdbx::Time::from_unix(*seconds);
}

std::optional<std::size_t> JsonDoc::index(const json::Cursor& object, std::string_view key) const {
    const auto v = object.find(key);
    if (!v) return std::nullopt;
    return index(*v);
}

std::string_view JsonDoc::string(const json::Cursor& value) const {
    if (!value.is_string()) fail(value, "a string");
    return value.string();
}

std::int64_t JsonDoc::integer(const json::Cursor& value) const {
    if (value.is(json::Kind::int64)) return value.int64();
    if (value.is(json::Kind::uint64) && value.uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(value.uint64());
    fail(value, "an integer");
}

std::size_t JsonDoc::index(const json::Cursor& value) const {
    const std::int64_t n = integer(value);
    if (n < 0) fail(value, "a count or index, not negative");
    return static_cast<std::size_t>(n);
}

bool JsonDoc::boolean(const json::Cursor& value) const {
    if (!value.is(json::Kind::boolean)) fail(value, "true or false");
    return value.boolean();
}

}  // namespace cxf::kdbx_map
