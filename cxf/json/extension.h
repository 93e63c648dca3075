// SPDX-License-Identifier: MIT
// The extensions a format keeps on model objects ("cxf.local/bitwarden", "cxf.local/kdbx"): one JSON
// object {"name": …, members…} holding what the format has that CXF has no member for, so that
// format → CXF → format loses nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cxf/json/builder.h"
#include "cxf/json/cursor.h"
#include "cxf/json/document.h"
#include "cxf/model/field.h"

namespace cxf::json {

// JSON texts of single values, for ExtensionBuilder.
crypto::Secret json_string(std::string_view text);
crypto::Secret json_integer(std::int64_t value);
crypto::Secret json_null();

// {"name": `name`, …} with the members `write_members` writes into it; empty when it writes none.
crypto::Secret extension_json(std::string_view name, const std::function<void(Builder& out)>& write_members);

// Adds the extension `name` holding `json` (all of it, name included) to `extensions`, unless `json` is empty.
void add_extension(std::vector<Extension>& extensions, std::string_view name, crypto::Secret json);

// The raw extension called `name` among `extensions`, or null.
const RawExtension* find_extension(const std::vector<Extension>& extensions, std::string_view name);

// Collects the members of an extension in any order; arrays and objects grow by key.
class ExtensionBuilder {
public:
    explicit ExtensionBuilder(std::string_view name) : name_(name) {}

    void set(std::string_view key, crypto::Secret json_value);
    void set_string(std::string_view key, std::string_view value) { set(key, json_string(value)); }
    void set_integer(std::string_view key, std::int64_t value) { set(key, json_integer(value)); }
    // Appends to the array member `key` (created on first use).
    void append(std::string_view key, crypto::Secret json_value);
    // Adds `member` to the object member `key` (created on first use).
    void set_in(std::string_view key, std::string_view member, crypto::Secret json_value);

    bool empty() const noexcept { return members_.empty(); }
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
    void write_members(Builder& out) const;

    std::string name_;
    std::vector<Member> members_;
};

// The extension called `name` as found on a model object, parsed; every lookup is empty when there is
// none, and a member of another type than asked for is as good as none.
class ExtensionView {
public:
    ExtensionView(const std::vector<Extension>& extensions, std::string_view name);
    ExtensionView(const ExtensionView&) = delete;
    ExtensionView& operator=(const ExtensionView&) = delete;

    bool present() const noexcept { return root_.has_value(); }
    std::optional<Cursor> find(std::string_view key) const;
    std::optional<std::string_view> string(std::string_view key) const;
    std::optional<std::int64_t> integer(std::string_view key) const;

private:
    std::optional<Document> document_;
    std::optional<Cursor> root_;
};

}  // namespace cxf::json
