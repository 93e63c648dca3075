// SPDX-License-Identifier: MIT
#include "tests/bitwarden/support.h"

#include "cxf/formats/registry.h"
#include "cxf/io/output.h"
#include "tests/support/testdata.h"

namespace bwtest {

using namespace cxf;

namespace {

PasswordProvider provider(std::string_view password) {
    if (password.empty()) return nullptr;
    return [p = std::string(password)] { return crypto::Secret(p); };
}

bool is_default(const json::Cursor& c) {
    switch (c.kind()) {
        case json::Kind::null: return true;
        case json::Kind::boolean: return !c.boolean();
        case json::Kind::uint64: return c.uint64() == 0;
        case json::Kind::string: return c.string().empty();
        case json::Kind::array: return c.size() == 0;
        default: return false;
    }
}

}  // namespace

Vault read(std::string_view relative, Report& report, std::string_view password) {
    ReadOptions options;
    options.password = provider(password);
    return test::read_fixture(relative, report, std::move(options));
}

Vault read_text(std::string_view format_id, std::string_view text, Report& report, std::string_view password) {
    const Format* format = find_format(format_id);
    if (!format) throw std::logic_error("no format " + std::string(format_id));
    ReadOptions options;
    options.password = provider(password);
    const Input input{"test-input", crypto::secure_copy(as_bytes(text))};
    return format->read(input, options, report);
}

std::string write(std::string_view format_id, const Vault& vault, Report& report, WriteOptions options,
                  std::string_view password) {
    const Format* format = find_format(format_id);
    if (!format) throw std::logic_error("no format " + std::string(format_id));
    options.now = 1717236000;  // 2024-06-01T10:00:00Z
    options.password = provider(password);
    io::MemoryOutput out;
    format->write(vault, out, options, report);
    return std::string(as_text(out.bytes()));
}

std::vector<test::Difference> meaningful_diff(std::string_view a, std::string_view b) {
    const Json ja(a), jb(b);
    std::vector<test::Difference> out;
    for (test::Difference& d : test::json_diff(ja.root(), jb.root())) {
        const std::string& text = d.kind == "added" ? d.after : d.before;
        if (d.kind != "changed") {
            const Json value(text);
            if (is_default(value.root())) continue;
        }
        // Very old exports write "collectionIds": [null] for "none".
        if (d.kind == "changed" && d.pointer.ends_with("/collectionIds") &&
            ((d.before == "[null]" && d.after == "null") || (d.before == "null" && d.after == "[null]")))
            continue;
        out.push_back(std::move(d));
    }
    return out;
}

std::size_t count(const Report& report, NoticeKind kind, std::string_view field) {
    std::size_t n = 0;
    for (const Notice& notice : report.notices())
        if (notice.kind == kind && notice.field.starts_with(field)) ++n;
    return n;
}

bool has_message(const Report& report, NoticeKind kind, std::string_view text) {
    for (const Notice& notice : report.notices())
        if (notice.kind == kind && notice.message.find(text) != std::string::npos) return true;
    return false;
}

Json::Json(std::string_view text) { json::parse(text, "test", {}, tape); }

json::Cursor at(const json::Cursor& root, std::string_view path) {
    json::Cursor c = root;
    while (!path.empty()) {
        const auto slash = path.find('/');
        const std::string_view step = path.substr(0, slash);
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
        std::optional<json::Cursor> next;
        if (c.is_array()) {
            std::size_t index = std::stoul(std::string(step)), i = 0;
            for (const json::Cursor e : c.elements())
                if (i++ == index) next = e;
        } else {
            next = c.find(step);
        }
        if (!next) throw std::logic_error("no " + std::string(step) + " in the document");
        c = *next;
    }
    return c;
}

}  // namespace bwtest
