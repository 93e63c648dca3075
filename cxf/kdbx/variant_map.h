// SPDX-License-Identifier: MIT
// KDBX 4 VariantDictionary: typed name/value records (KDF parameters, public custom data).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/secret.h"

namespace cxf::kdbx {

// Type bytes from KeePass's VariantDictionary; other values are kept as they are.
enum class VariantType : std::uint8_t {
    uint32 = 0x04,
    uint64 = 0x05,
    boolean = 0x08,
    int32 = 0x0C,
    int64 = 0x0D,
    string = 0x18,
    bytes = 0x42,
};

struct Variant {
    std::string name;
    VariantType type = VariantType::bytes;
    Bytes value;  // little-endian for the integer types, UTF-8 for strings
    bool operator==(const Variant&) const = default;
};

// Records in file order.
using VariantMap = std::vector<Variant>;

const Variant* find(const VariantMap& map, std::string_view name) noexcept;
void set_uint32(VariantMap& map, std::string_view name, std::uint32_t value);
void set_uint64(VariantMap& map, std::string_view name, std::uint64_t value);
void set_bytes(VariantMap& map, std::string_view name, ByteView value);

// Why `variant` cannot be a record of a VariantDictionary (type 0 ends one; the fixed-width types
// need their size; a boolean is 0 or 1); nullopt when it can.
std::optional<std::string> variant_problem(const Variant& variant);

namespace detail {

// `offset` is where `bytes` starts in the file, for messages. Throws Errc::malformed/unsupported.
VariantMap parse_variant_map(ByteView bytes, std::size_t offset, const std::string& file, std::string_view field);
Bytes write_variant_map(const VariantMap& map);

}  // namespace detail

}  // namespace cxf::kdbx
