// SPDX-License-Identifier: MIT
#include "exporters/onepux/pointers.h"

#include <charconv>

#include "cxf/model/credential_fields.h"

namespace cxf::onepux::out {

namespace {

std::optional<std::size_t> number(std::string_view text) {
    std::size_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return n;
}

}  // namespace

std::optional<At> parse_at(std::string_view pointer) {
    constexpr std::string_view prefix = "/credentials/";
    if (!pointer.starts_with(prefix)) return std::nullopt;
    pointer.remove_prefix(prefix.size());
    const std::size_t slash = pointer.find('/');
    const auto index = number(pointer.substr(0, slash));
    if (!index) return std::nullopt;
    At at{*index, {}, std::nullopt};
    if (slash == std::string_view::npos) return at;
    const std::string_view rest = pointer.substr(slash + 1);
    if (rest.starts_with("fields/")) {
        at.field = number(rest.substr(7));
        if (!at.field) return std::nullopt;
    } else {
        at.member = std::string(rest);
    }
    return at;
}

std::string credential_pointer(std::size_t index) { return "/credentials/" + std::to_string(index); }

std::string member_pointer(std::size_t index, std::string_view member) {
    return credential_pointer(index) + "/" + std::string(member);
}

std::string field_pointer(std::size_t index, std::size_t field) {
    return credential_pointer(index) + "/fields/" + std::to_string(field);
}

const Credential* credential_at(const Item& item, const At& at) {
    return at.credential < item.credentials.size() ? &item.credentials[at.credential] : nullptr;
}

const EditableField* field_at(const Item& item, const At& at) {
    const Credential* credential = credential_at(item, at);
    if (!credential) return nullptr;
    if (at.field) {
        const auto* custom = std::get_if<CustomFields>(credential);
        return custom && *at.field < custom->fields.size() ? &custom->fields[*at.field] : nullptr;
    }
    return std::visit(
        [&](const auto& c) -> const EditableField* {
            using T = std::decay_t<decltype(c)>;
            for (const FieldMember<T>& m : field_members<T>())
                if (m.name == at.member) return (c.*m.member).get();
            return nullptr;
        },
        *credential);
}

}  // namespace cxf::onepux::out
