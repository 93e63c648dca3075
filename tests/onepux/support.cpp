// SPDX-License-Identifier: MIT
#include "tests/onepux/support.h"

#include "cxf/formats/registry.h"
#include "tests/support/testdata.h"

namespace onepux_test {

cxf::Vault read(std::string_view relative, cxf::Report& report, cxf::ReadOptions options) {
    return cxf::find_format("1pux")->read(test::read_testdata(relative), options, report);
}

cxf::crypto::SecureBytes write(const cxf::Vault& vault, cxf::Report& report) {
    cxf::io::MemoryOutput out;
    cxf::WriteOptions options;
    options.now = write_time;
    cxf::find_format("1pux")->write(vault, out, options, report);
    return std::move(out.bytes());
}

cxf::Vault read_bytes(const cxf::crypto::SecureBytes& bytes, cxf::Report& report) {
    return cxf::find_format("1pux")->read(cxf::Input{"written.1pux", bytes}, {}, report);
}

const cxf::CustomFields& custom_fields(const cxf::Item& item, std::optional<std::string_view> label) {
    for (const cxf::CustomFields* c : all<cxf::CustomFields>(item))
        if (c->label == label) return *c;
    throw std::logic_error(item.title + ": no custom fields labelled " + std::string(label.value_or("(none)")));
}

std::vector<std::string> fields_of(const cxf::CustomFields& fields) {
    std::vector<std::string> out;
    for (const cxf::EditableField& f : fields.fields)
        out.push_back(f.label.value_or("") + "=" + std::string(f.type_name()) + ":" + std::string(f.value.view()));
    return out;
}

std::optional<cxf::json::Cursor> OwnExtension::at(std::string_view path) const {
    std::optional<cxf::json::Cursor> c;
    bool first = true;
    while (!path.empty()) {
        const std::size_t cut = path.find('/');
        const std::string_view step = path.substr(0, cut);
        path = cut == std::string_view::npos ? std::string_view() : path.substr(cut + 1);
        if (first) {
            c = view_.find(step);
            first = false;
        } else if (c && c->is_array()) {
            const std::size_t index = std::stoul(std::string(step));
            std::optional<cxf::json::Cursor> element;
            std::size_t n = 0;
            for (const cxf::json::Cursor e : c->elements())
                if (n++ == index) element = e;
            c = element;
        } else if (c) {
            c = c->find(step);
        }
        if (!c) return std::nullopt;
    }
    return c;
}

std::string OwnExtension::json(std::string_view path) const {
    const auto c = at(path);
    return c ? std::string(cxf::json::to_json(*c).view()) : "<absent>";
}

std::string OwnExtension::text(std::string_view path) const {
    const auto c = at(path);
    return c && c->is_string() ? std::string(c->string()) : json(path);
}

std::size_t count(const cxf::Report& report, cxf::NoticeKind kind, std::string_view text) {
    std::size_t n = 0;
    for (const cxf::Notice& notice : report.notices())
        if (notice.kind == kind && notice.message.find(text) != std::string::npos) ++n;
    return n;
}

}  // namespace onepux_test
