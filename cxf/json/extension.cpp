// SPDX-License-Identifier: MIT
#include "cxf/json/extension.h"

#include "cxf/json/reader.h"

namespace cxf::json {

crypto::Secret json_string(std::string_view text) {
    Builder out;
    out.string(text);
    return out.take();
}

crypto::Secret json_integer(std::int64_t value) { return crypto::Secret(std::to_string(value)); }

crypto::Secret json_null() { return crypto::Secret("null"); }

crypto::Secret extension_json(std::string_view name, const std::function<void(Builder& out)>& write_members) {
    Builder out;
    out.begin_object();
    out.key("name").string(name);
    write_members(out);
    out.end_object();
    crypto::Secret json = out.take();
    // {"name":NAME} alone says nothing.
    if (json.size() == json_string(name).size() + 9) return {};
    return json;
}

void add_extension(std::vector<Extension>& extensions, std::string_view name, crypto::Secret json) {
    if (json.empty()) return;
    extensions.emplace_back(RawExtension{std::string(name), std::move(json)});
}

const RawExtension* find_extension(const std::vector<Extension>& extensions, std::string_view name) {
    for (const Extension& e : extensions)
        if (const auto* raw = std::get_if<RawExtension>(&e); raw && raw->name == name) return raw;
    return nullptr;
}

ExtensionBuilder::Member& ExtensionBuilder::member(std::string_view key, Shape shape) {
    for (Member& m : members_)
        if (m.key == key) return m;
    members_.push_back({std::string(key), shape, {}});
    return members_.back();
}

void ExtensionBuilder::set(std::string_view key, crypto::Secret json_value) {
    Member& m = member(key, Shape::value);
    m.parts.clear();
    m.parts.emplace_back(std::string(), std::move(json_value));
}

void ExtensionBuilder::append(std::string_view key, crypto::Secret json_value) {
    member(key, Shape::array).parts.emplace_back(std::string(), std::move(json_value));
}

void ExtensionBuilder::set_in(std::string_view key, std::string_view name, crypto::Secret json_value) {
    member(key, Shape::object).parts.emplace_back(std::string(name), std::move(json_value));
}

void ExtensionBuilder::write_members(Builder& out) const {
    for (const Member& m : members_) {
        out.key(m.key);
        switch (m.shape) {
            case Shape::value: out.raw(m.parts.front().second.view()); break;
            case Shape::array:
                out.begin_array();
                for (const auto& part : m.parts) out.raw(part.second.view());
                out.end_array();
                break;
            case Shape::object:
                out.begin_object();
                for (const auto& [name, value] : m.parts) out.key(name).raw(value.view());
                out.end_object();
                break;
        }
    }
}

crypto::Secret ExtensionBuilder::json_object() const {
    Builder out;
    out.begin_object();
    write_members(out);
    out.end_object();
    return out.take();
}

void ExtensionBuilder::add_to(std::vector<Extension>& extensions) const {
    if (empty()) return;
    add_extension(extensions, name_, extension_json(name_, [this](Builder& out) { write_members(out); }));
}

ExtensionView::ExtensionView(const std::vector<Extension>& extensions, std::string_view name) {
    const RawExtension* raw = find_extension(extensions, name);
    if (!raw) return;
    const Cursor& root = document_.emplace(raw->json.view(), std::string(name)).root();
    if (root.is_object()) root_ = root;
}

std::optional<Cursor> ExtensionView::find(std::string_view key) const {
    if (!root_) return std::nullopt;
    return root_->find(key);
}

std::optional<std::string_view> ExtensionView::string(std::string_view key) const {
    const auto c = find(key);
    if (!c || !c->is_string()) return std::nullopt;
    return c->string();
}

std::optional<std::int64_t> ExtensionView::integer(std::string_view key) const {
    const auto c = find(key);
    if (!c) return std::nullopt;
    return to_int64(*c);
}

}  // namespace cxf::json
