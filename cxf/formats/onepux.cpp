// SPDX-License-Identifier: MIT
// The registry descriptor of 1Password's 1PUX export (format id "1pux"): detection, description,
// what the writer carries.
#include "cxf/encoding/rfc3339.h"
#include "cxf/formats/builtin.h"
#include "cxf/io/zip.h"
#include "cxf/onepassword/entries.h"
#include "cxf/onepassword/names.h"
#include "exporters/onepux/write.h"
#include "importers/onepux/attributes.h"
#include "importers/onepux/onepux.h"

namespace cxf::onepux {

namespace {

constexpr std::string_view extensions[] = {"1pux"};

// The head holds the local headers of the first entries: 1Password writes export.attributes and
// export.data there, but a zip may put large files/ entries first, which makes only a "maybe".
Confidence detect(ByteView head, std::string_view) {
    if (!io::looks_like_zip(head)) return Confidence::no;
    const std::string_view text = as_text(head);
    const bool data = text.find(onepassword::data_entry) != std::string_view::npos;
    const bool attributes = text.find(onepassword::attributes_entry) != std::string_view::npos;
    if (data && attributes) return Confidence::yes;
    constexpr std::size_t first_name_at = 30;  // after the local file header's fixed part
    const bool files_first = text.substr(std::min(text.size(), first_name_at)).starts_with(onepassword::files_folder);
    return data || attributes || files_first ? Confidence::maybe : Confidence::no;
}

// Counts accounts, vaults and items; items are dropped as soon as they are parsed.
std::vector<Property> describe(const Input& input, const Limits& limits) {
    const io::ZipReader zip(input.bytes, input.name, limits);
    std::vector<Property> out;
    if (const auto attributes = read_attributes(zip, input.name, limits)) {
        if (attributes->version) out.push_back({"version", std::to_string(*attributes->version)});
        if (attributes->created) out.push_back({"exported", encoding::format_rfc3339(*attributes->created, false)});
    }
    const auto entry = zip.find(onepassword::data_entry);
    if (!entry) return out;
    std::size_t items = 0;
    const json::Handoff count{is_item_path, [&](const json::Tape&, std::uint32_t, const json::Path&) { ++items; }};
    json::Tape tape;
    tape.names = onepassword::member_names;
    io::ZipReader::Stream text = zip.open(*entry);
    json::parse([&] { return text.next(); }, input.name + ":" + std::string(onepassword::data_entry), limits, tape, &count);
    const std::string base;
    const json::Cursor root(tape, 0, base);
    const auto accounts = root.find("accounts");
    if (!accounts || !accounts->is_array()) return out;
    std::size_t vaults = 0;
    for (const json::Cursor account : accounts->elements())
        if (const auto v = account.find("vaults"); v && v->is_array()) vaults += v->size();
    out.push_back({"accounts", std::to_string(accounts->size())});
    out.push_back({"vaults", std::to_string(vaults)});
    out.push_back({"items", std::to_string(items)});
    return out;
}

}  // namespace

Format format() noexcept {
    return Format{
        .id = "1pux",
        .title = "1Password 1PUX export",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .describe = describe,
        // Not passkeys (1Password imports them only through CXP) nor unknown credential types.
        .carries = Feature::logins | Feature::totp | Feature::notes | Feature::attachments | Feature::custom_fields |
                   Feature::history | Feature::folders | Feature::tags | Feature::timestamps | Feature::cards |
                   Feature::identities | Feature::ssh_keys | Feature::wifi | Feature::api_keys,
    };
}

}  // namespace cxf::onepux
