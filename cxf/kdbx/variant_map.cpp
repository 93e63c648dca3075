// SPDX-License-Identifier: MIT
// KDBX 4 VariantDictionary codec (version 0x0100; KeePass KdbxFile "VariantDictionary").
#include "cxf/kdbx/variant_map.h"

#include <algorithm>

#include "cxf/kdbx/bytes.h"

namespace cxf::kdbx {

namespace {

constexpr std::uint16_t dictionary_version = 0x0100;
constexpr std::uint16_t critical_mask = 0xFF00;

// The size each fixed-width type must have; 0 for the variable-length ones.
std::size_t fixed_size(VariantType type) noexcept {
    switch (type) {
        case VariantType::uint32:
        case VariantType::int32: return 4;
        case VariantType::uint64:
        case VariantType::int64: return 8;
        case VariantType::boolean: return 1;
        default: return 0;
    }
}

void set(VariantMap& map, std::string_view name, VariantType type, Bytes value) {
    const auto it = std::find_if(map.begin(), map.end(), [&](const Variant& v) { return v.name == name; });
    if (it != map.end()) {
        it->type = type;
        it->value = std::move(value);
    } else {
        map.push_back(Variant{std::string(name), type, std::move(value)});
    }
}

}  // namespace

const Variant* find(const VariantMap& map, std::string_view name) noexcept {
    const auto it = std::find_if(map.begin(), map.end(), [&](const Variant& v) { return v.name == name; });
    return it == map.end() ? nullptr : &*it;
}

void set_uint32(VariantMap& map, std::string_view name, std::uint32_t value) {
    Bytes bytes;
    detail::append_le(bytes, value);
    set(map, name, VariantType::uint32, std::move(bytes));
}

void set_uint64(VariantMap& map, std::string_view name, std::uint64_t value) {
    Bytes bytes;
    detail::append_le(bytes, value);
    set(map, name, VariantType::uint64, std::move(bytes));
}

void set_bytes(VariantMap& map, std::string_view name, ByteView value) {
    set(map, name, VariantType::bytes, Bytes(value.begin(), value.end()));
}

std::optional<std::string> variant_problem(const Variant& v) {
    const std::string record = "record '" + v.name + "'";
    const auto type = static_cast<std::uint8_t>(v.type);
    if (type == 0) return record + " has type 0, which ends the dictionary";
    const std::size_t expected = fixed_size(v.type);
    if (expected != 0 && v.value.size() != expected)
        return record + " of type " + std::to_string(type) + " has " + std::to_string(v.value.size()) + " bytes, not " +
               std::to_string(expected);
    if (v.type == VariantType::boolean && v.value[0] > 1) return record + " is a boolean other than 0 or 1";
    return std::nullopt;
}

namespace detail {

VariantMap parse_variant_map(ByteView bytes, std::size_t offset, const std::string& file, std::string_view field) {
    ByteReader in(bytes, offset, file, "");
    const std::string what(field);
    const auto version = in.read<std::uint16_t>(what + " version");
    if ((version & critical_mask) > (dictionary_version & critical_mask))
        throw Error(Errc::unsupported, {file, in.place_at(0, what)},
                    "VariantDictionary version " + std::to_string(version >> 8) + "." +
                        std::to_string(version & 0xFF) + " is newer than 1.0");
    VariantMap map;
    for (;;) {
        const std::size_t at = in.position();
        const auto type = static_cast<VariantType>(in.read<std::uint8_t>(what + " record type"));
        if (static_cast<std::uint8_t>(type) == 0) break;
        const std::size_t name_length = in.read_length32(what + " name length");
        const ByteView name = in.take(name_length, what + " name");
        const std::size_t value_length = in.read_length32(what + " value length");
        const ByteView value = in.take(value_length, what + " value");
        Variant variant{std::string(as_text(name)), type, Bytes(value.begin(), value.end())};
        if (const auto problem = variant_problem(variant))
            throw Error(Errc::malformed, {file, in.place_at(at, what)}, *problem);
        map.push_back(std::move(variant));
    }
    if (!in.at_end())
        throw Error(Errc::malformed, {file, in.place(what)},
                    std::to_string(in.remaining()) + " bytes follow the end of the " + what);
    return map;
}

Bytes write_variant_map(const VariantMap& map) {
    Bytes out;
    append_le(out, dictionary_version);
    for (const Variant& v : map) {
        out.push_back(static_cast<std::uint8_t>(v.type));
        append_le(out, static_cast<std::int32_t>(v.name.size()));
        out.insert(out.end(), v.name.begin(), v.name.end());
        append_le(out, static_cast<std::int32_t>(v.value.size()));
        out.insert(out.end(), v.value.begin(), v.value.end());
    }
    out.push_back(0);
    return out;
}

}  // namespace detail

}  // namespace cxf::kdbx
