// SPDX-License-Identifier: MIT
// Text forms of KDBX XML values: dates (both encodings), booleans, UUIDs, integers, tags.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/kdbx/database.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// KDBX 4: base64 of LE int64 seconds since year 1. KDBX 3.x: ISO 8601, normally yyyy-MM-ddTHH:mm:ssZ.
// Either form is read in any version (KeePassXC does the same); nullopt when it is neither.
std::optional<Time> parse_time(std::string_view text);
std::string format_time(Time time, bool kdbx4);

// "True"/"False" in any case, "1"/"0"; empty is false. nullopt for anything else.
std::optional<bool> parse_bool(std::string_view text);

// Base64 of 16 bytes; empty is the nil UUID.
std::optional<Uuid> parse_uuid(std::string_view text);
std::string format_uuid(const Uuid& uuid);

template <typename T>
std::optional<T> parse_integer(std::string_view text);

// Tags are split on ';', ',' and TAB and trimmed (KeePass writes ';', KeePassXC ','); written with ';'.
std::vector<std::string> split_tags(std::string_view text);
std::string join_tags(const std::vector<std::string>& tags);

// XML's whitespace: space, tab, CR and LF.
constexpr bool is_xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// Whether text is whitespace only, as the indentation between elements (most text pieces) is.
inline bool blank(std::string_view text) noexcept {
    for (const char c : text)
        if (!is_xml_space(c)) return false;
    return true;
}
std::string_view trim(std::string_view text) noexcept;
// Text without its whitespace, as base64 and hex spread over lines are read: `text` itself when it has
// none, else a copy without it, kept in `spare`.
std::string_view without_xml_space(std::string_view text, crypto::Secret& spare);

}  // namespace cxf::kdbx::detail
