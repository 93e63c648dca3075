// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/map/extension.h"

#include "cxf/json/writer.h"

namespace cxf::bitwarden_json {

namespace {

bool is_bitwarden_extension(const Extension& extension) {
    const auto* raw = std::get_if<RawExtension>(&extension);
    return raw && raw->name == extension_name;
}

}  // namespace

crypto::Secret json_string(std::string_view text) {
    crypto::Secret out;
    json::SecretStream stream(out);
    json::Writer<json::SecretStream> writer(stream);
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    return out;
}

crypto::Secret json_integer(std::int64_t value) { return crypto::Secret(std::to_string(value)); }

crypto::Secret json_null() { return crypto::Secret("null"); }

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

crypto::Secret ExtensionBuilder::json() const {
    crypto::Secret out("{\"name\":");
    out.append(json_string(extension_name).view());
    const crypto::Secret rest = json_object();
    if (rest.size() > 2) out.push_back(',');
    out.append(rest.view().substr(1));
    return out;
}

crypto::Secret ExtensionBuilder::json_object() const {
    crypto::Secret out("{");
    for (const Member& m : members_) {
        if (out.size() > 1) out.push_back(',');
        out.append(json_string(m.key).view());
        out.push_back(':');
        if (m.shape == Shape::value) {
            out.append(m.parts.front().second.view());
            continue;
        }
        out.push_back(m.shape == Shape::array ? '[' : '{');
        for (std::size_t i = 0; i < m.parts.size(); ++i) {
            if (i) out.push_back(',');
            if (m.shape == Shape::object) {
                out.append(json_string(m.parts[i].first).view());
                out.push_back(':');
            }
            out.append(m.parts[i].second.view());
        }
        out.push_back(m.shape == Shape::array ? ']' : '}');
    }
    out.push_back('}');
    return out;
}

void ExtensionBuilder::add_to(std::vector<Extension>& extensions) const {
    if (!empty()) extensions.push_back(RawExtension{std::string(extension_name), json()});
}

ExtensionView::ExtensionView(const std::vector<Extension>& extensions) {
    for (const Extension& e : extensions) {
        if (!is_bitwarden_extension(e)) continue;
        tape_ = std::make_unique<json::Tape>();
        json::parse(std::get<RawExtension>(e).json.view(), std::string(extension_name), Limits{}, *tape_);
        const json::Cursor root(*tape_, 0, base_);
        if (root.is_object()) root_ = root;
        return;
    }
}

std::optional<json::Cursor> ExtensionView::find(std::string_view key) const {
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
    if (c->is(json::Kind::uint64) && c->uint64() <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(c->uint64());
    if (c->is(json::Kind::int64)) return c->int64();
    return std::nullopt;
}

}  // namespace cxf::bitwarden_json
