// SPDX-License-Identifier: MIT
// How the KDBX mapping writes and reads the JSON it keeps in extensions and CustomData.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/json/builder.h"
#include "cxf/json/cursor.h"
#include "cxf/json/document.h"
#include "cxf/json/reader.h"
#include "cxf/kdbx/database.h"

namespace cxf::kdbx_map {

// KDBX values as cxf keeps them in JSON (write with a json::Builder into wiped memory: recycle-bin
// entries and field metadata may hold secrets).
void write_uuid(json::Builder& out, const kdbx::Uuid& value);
void write_bytes(json::Builder& out, ByteView value);  // base64
void write_time(json::Builder& out, kdbx::Time value);  // Unix seconds (negative before 1970)

// A parsed JSON document kept by us (an extension or a CustomData value), read with the checks of
// json::Reader. Anything not shaped as cxf writes it is Errc::malformed naming `what`.
class JsonDoc : public json::Reader {
public:
    JsonDoc(std::string_view text, std::string what);
    const json::Cursor& root() const noexcept { return document_.root(); }
    // "expected `expected` in what cxf wrote there"
    [[noreturn]] void fail(const json::Cursor& at, std::string_view expected) const { fail_expected(at, expected); }

    // KDBX values kept as JSON; absent members give nullopt, mistyped ones fail.
    std::optional<kdbx::Uuid> uuid(const json::Cursor& object, std::string_view key) const;
    std::optional<Bytes> bytes(const json::Cursor& object, std::string_view key) const;
    std::optional<crypto::SecureBytes> secure_bytes(const json::Cursor& object, std::string_view key) const;
    std::optional<kdbx::Time> time(const json::Cursor& object, std::string_view key) const;
    std::optional<std::size_t> index(const json::Cursor& object, std::string_view key) const;  // not negative
    std::size_t index(const json::Cursor& value) const;

private:
    json::Document document_;
};

}  // namespace cxf::kdbx_map
