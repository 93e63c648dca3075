// SPDX-License-Identifier: MIT
// details.loginFields (the web form's fields) → the basic-auth username and password (by their
// "designation") and a custom-fields credential for the other filled-in fields, labelled with the
// form field's name; their skeleton (everything but the values) goes into the extension.
#include "cxf/onepassword/map/values.h"
#include "importers/onepux/item_source.h"

namespace cxf::onepux {

namespace {

// Where a designated field goes; nullopt when the basic-auth member is already filled.
std::optional<std::string> place_designated(std::string_view designation, std::string_view value, ItemSource& source) {
    const std::size_t index = source.slot<BasicAuth>();
    BasicAuth& auth = source.at<BasicAuth>(index);
    const bool username = designation == "username";
    Field& member = username ? auth.username : auth.password;
    if (member) return std::nullopt;
    member = make_field(username ? FieldType::string : FieldType::concealed_string, value);
    return credential_pointer(index) + (username ? "/username" : "/password");
}

}  // namespace

void read_login_fields(const json::Cursor& fields, ItemSource& source) {
    if (!source.array_or_null(fields)) return;
    std::optional<std::size_t> custom;
    for (const json::Cursor field : fields.elements()) {
        source.expect(field, json::Kind::object);
        const std::string_view designation = source.optional_string(field, "designation").value_or("");
        const auto name = source.optional_string(field, "name");
        const FieldType type = onepassword::login_field_type(source.optional_string(field, "fieldType").value_or(""));
        json::Builder skeleton;
        skeleton.begin_object();
        crypto::Secret value;
        for (const auto m : field.members()) {
            if (m.key != "value") {
                skeleton.key(m.key).copy(m.value);
            } else if (m.value.is_string()) {
                value = crypto::Secret(m.value.string());
            } else if (!m.value.is_null()) {
                value = json::to_json(m.value);  // linked accounts give an object here
                skeleton.key("json").boolean(true);
            }
        }
        std::optional<std::string> at;
        if (designation == "username" || designation == "password") at = place_designated(designation, value.view(), source);
        if (!at && !value.empty()) {
            EditableField extra(type, value.view());
            if (name && !name->empty()) extra.label = std::string(*name);
            at = add_custom_field(source, custom, std::nullopt, std::move(extra));
        }
        if (at) skeleton.key("at").string(*at);
        skeleton.end_object();
        source.extension().append("loginFields", skeleton.take());
    }
}

}  // namespace cxf::onepux
