// SPDX-License-Identifier: MIT
// The "cxf.local/bitwarden" extension: what a Bitwarden export holds that CXF has no member for
// (reprompt, URI match settings, passkey counters, linked fields, original spellings of values…),
// kept as one JSON object on the item, collection, account or custom-fields credential it belongs
// to, so that Bitwarden → CXF → Bitwarden loses nothing. docs/formats/bitwarden.md lists its members.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cxf/json/cursor.h"
#include "cxf/model/field.h"

namespace cxf::bitwarden_json {

inline constexpr std::string_view extension_name = "cxf.local/bitwarden";

// JSON texts of single values, for ExtensionBuilder.
crypto::Secret json_string(std::string_view text);
crypto::Secret json_integer(std::int64_t value);
crypto::Secret json_null();

// Collects members in order; arrays and objects grow by key.
class ExtensionBuilder {
public:
    void set(std::string_view key, crypto::Secret json_value);
    void set_string(std::string_view key, std::string_view value) { set(key, json_string(value)); }
    void set_integer(std::string_view key, std::int64_t value) { set(key, json_integer(value)); }
    // Appends to the array member `key` (created on first use).
    void append(std::string_view key, crypto::Secret json_value);
    // Adds `member` to the object member `key` (created on first use).
    void set_in(std::string_view key, std::string_view member, crypto::Secret json_value);

    bool empty() const noexcept { return members_.empty(); }
    crypto::Secret json() const;         // {"name": "cxf.local/bitwarden", …}
    crypto::Secret json_object() const;  // the members alone, for an object nested in an extension
    // Adds the extension to `extensions`, unless there is nothing to keep.
    void add_to(std::vector<Extension>& extensions) const;

private:
    enum class Shape { value, array, object };
    struct Member {
        std::string key;
        Shape shape;
        std::vector<std::pair<std::string, crypto::Secret>> parts;  // value: one part; array: elements; object: members
    };
    Member& member(std::string_view key, Shape shape);
    std::vector<Member> members_;
};

// The extension as found on a model object, parsed; every lookup is empty when there is none.
class ExtensionView {
public:
    explicit ExtensionView(const std::vector<Extension>& extensions);
    ExtensionView(const ExtensionView&) = delete;
    ExtensionView& operator=(const ExtensionView&) = delete;

    bool present() const noexcept { return root_.has_value(); }
    std::optional<json::Cursor> find(std::string_view key) const;
    std::optional<std::string_view> string(std::string_view key) const;
    std::optional<std::int64_t> integer(std::string_view key) const;

private:
    std::unique_ptr<json::Tape> tape_;
    std::string base_;
    std::optional<json::Cursor> root_;
};

}  // namespace cxf::bitwarden_json
