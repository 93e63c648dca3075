// SPDX-License-Identifier: MIT
// The built-in formats. Adding a format is adding its descriptor here (and its folders).
#include <algorithm>

#include "cxf/error.h"
#include "cxf/formats/builtin.h"
#include "cxf/formats/registry.h"

namespace cxf {

namespace {


// Detection order: exact signatures first (KDBX magic, zip archives by their index or export entries), then the
// JSON and CSV shapes, most specific first.
const Format builtin[] = {
    kdbx_map::format(),
    archive::cxp_format(),
    archive::plain_format(),
    onepux::format(),
    cxf_json::format(),
    bitwarden_json::format(),
    bitwarden_csv::format(),
    onepassword_csv::format(),
    apple_csv::format(),
    chrome_csv::format(),
    firefox_csv::format(),
    dashlane::format(),
    dashlane::json_format(),
};

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
}

}  // namespace

std::span<const Format> formats() noexcept { return builtin; }

const Format* find_format(std::string_view id) noexcept {
    for (const Format& f : builtin)
        if (f.id == id) return &f;
    return nullptr;
}

const Format& detect_format(const Input& input) {
    return detect_format(ByteView(input.bytes.data(), std::min(input.bytes.size(), detect_head_bytes)), input.name);
}

const Format& detect_format(ByteView head, const std::string& name) {
    const Format* maybe = nullptr;
    for (const Format& f : builtin) {
        if (!f.detect || !f.read) continue;
        const Confidence c = f.detect(head, name);
        if (c == Confidence::yes) return f;
        if (c == Confidence::maybe && !maybe) maybe = &f;
    }
    if (maybe) return *maybe;
    std::string ids;
    for (const Format& f : builtin)
        if (f.read) ids += (ids.empty() ? "" : ", ") + std::string(f.id);
    throw Error(Errc::unrecognized, {name, ""},
                "not a format cxf recognises; name it with {from} (one of: " + ids + ")");
}

std::size_t extension_length(const Format& format, std::string_view path) noexcept {
    std::size_t longest = 0;
    for (const std::string_view ext : format.extensions) {
        const std::size_t length = ext.size() + 1;
        if (path.size() >= length && ends_with_ci(path, ext) && path[path.size() - length] == '.')
            longest = std::max(longest, length);
    }
    return longest;
}

const Format* format_for_path(std::string_view path) noexcept {
    const Format* match = nullptr;
    std::size_t longest = 0;
    bool tie = false;
    for (const Format& f : builtin) {
        if (!f.write) continue;
        const std::size_t length = extension_length(f, path);
        if (length == 0) continue;
        if (length > longest) {
            match = &f;
            longest = length;
            tie = false;
        } else if (length == longest) {
            tie = true;
        }
    }
    return tie ? nullptr : match;
}

}  // namespace cxf
