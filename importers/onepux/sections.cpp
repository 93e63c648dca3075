// SPDX-License-Identifier: MIT
// details.sections → typed credentials and one custom-fields credential per section (labelled with
// its title), and the sections' skeleton (everything but the values) in the extension.
#include "importers/onepux/field_value.h"

namespace cxf::onepux {

namespace {

void read_field(const json::Cursor& field, SectionTarget& section, ItemSource& source, json::Builder& skeleton) {
    source.expect(field, json::Kind::object);
    const auto title = source.optional_string(field, "title");
    const std::string_view id = source.optional_string(field, "id").value_or("");
    skeleton.begin_object();
    std::optional<json::Cursor> value;
    for (const auto m : field.members()) {
        if (m.key == "value") value = m.value;
        else skeleton.key(m.key).copy(m.value);
    }
    if (value) {
        const std::optional<std::string> label = title ? std::optional<std::string>(*title) : std::nullopt;
        read_field_value(*value, id, label, section, source, skeleton);
    }
    skeleton.end_object();
}

crypto::Secret read_section(const json::Cursor& section, ItemSource& source) {
    source.expect(section, json::Kind::object);
    SectionTarget target;
    if (const auto title = source.optional_string(section, "title"); title && !title->empty()) target.label = std::string(*title);
    json::Builder skeleton;
    skeleton.begin_object();
    for (const auto m : section.members()) {
        if (m.key != "fields") {
            skeleton.key(m.key).copy(m.value);
            continue;
        }
        skeleton.key("fields").begin_array();
        for (const json::Cursor field : source.expect(m.value, json::Kind::array).elements())
            read_field(field, target, source, skeleton);
        skeleton.end_array();
    }
    skeleton.end_object();
    return skeleton.take();
}

}  // namespace

void read_sections(const json::Cursor& sections, ItemSource& source) {
    if (!source.array_or_null(sections)) return;
    for (const json::Cursor section : sections.elements()) source.extension().append("sections", read_section(section, source));
}

}  // namespace cxf::onepux
