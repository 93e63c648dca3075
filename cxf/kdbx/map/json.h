// SPDX-License-Identifier: MIT
// Small JSON writer and reader for what the KDBX mapping keeps in extensions and CustomData.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/json/cursor.h"
#include "cxf/json/writer.h"
#include "cxf/kdbx/database.h"

namespace cxf::kdbx_map {

// Writes into wiped memory: recycle-bin entries and field metadata may hold secrets.
class JsonOut {
public:
    JsonOut() : stream_(text_), writer_(stream_) {}
    JsonOut(const JsonOut&) = delete;
    JsonOut& operator=(const JsonOut&) = delete;

    void begin_object() { writer_.StartObject(); }
    void end_object() { writer_.EndObject(); }
    void begin_array() { writer_.StartArray(); }
    void end_array() { writer_.EndArray(); }
    JsonOut& key(std::string_view name);
    void string(std::string_view value);
    void integer(std::int64_t value) { writer_.Int64(value); }
    void unsigned_integer(std::uint64_t value) { writer_.Uint64(value); }
    void boolean(bool value) { writer_.Bool(value); }
    void uuid(const kdbx::Uuid& value);
    void bytes(ByteView value);                    // base64
    void time(kdbx::Time value) { integer(value.unix()); }  // Unix seconds (negative before 1970)
    void raw(std::string_view json);               // a complete JSON value, inserted as it is

    crypto::Secret take() { return std::move(text_); }

private:
    crypto::Secret text_;
    json::SecretStream stream_;
    json::Writer<json::SecretStream> writer_;
};

// A parsed JSON document kept by us (an extension or a CustomData value). Anything not shaped as cxf
// writes it is Errc::malformed naming `what`.
class JsonDoc {
public:
    JsonDoc(std::string_view text, std::string what);
    JsonDoc(const JsonDoc&) = delete;
    JsonDoc& operator=(const JsonDoc&) = delete;
    const json::Cursor& root() const noexcept { return *root_; }
    [[noreturn]] void fail(const json::Cursor& at, std::string_view expected) const;

    // Typed members of an object; absent members give nullopt, mistyped ones fail.
    std::optional<std::string_view> string(const json::Cursor& object, std::string_view key) const;
    std::optional<std::int64_t> integer(const json::Cursor& object, std::string_view key) const;
    std::optional<bool> boolean(const json::Cursor& object, std::string_view key) const;
    std::optional<json::Cursor> object(const json::Cursor& object, std::string_view key) const;
    std::optional<json::Cursor> array(const json::Cursor& object, std::string_view key) const;
    std::optional<kdbx::Uuid> uuid(const json::Cursor& object, std::string_view key) const;
    std::optional<Bytes> bytes(const json::Cursor& object, std::string_view key) const;
    std::optional<crypto::SecureBytes> secure_bytes(const json::Cursor& object, std::string_view key) const;
    std::optional<kdbx::Time> time(const json::Cursor& object, std::string_view key) const;
    std::optional<std::size_t> index(const json::Cursor& object, std::string_view key) const;  // not negative

    // The same for a value that is not a member (array elements).
    std::string_view string(const json::Cursor& value) const;
    std::int64_t integer(const json::Cursor& value) const;
    std::size_t index(const json::Cursor& value) const;
    bool boolean(const json::Cursor& value) const;

private:
    std::unique_ptr<json::Tape> tape_;
    std::string base_;
    std::string what_;
    std::optional<json::Cursor> root_;
};

}  // namespace cxf::kdbx_map
