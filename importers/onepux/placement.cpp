// SPDX-License-Identifier: MIT
// Where a field's value goes: a typed credential's member (cxf/onepassword/map/template_fields.h)
// or the custom fields of its section.
#include "cxf/model/credential_fields.h"
#include "cxf/onepassword/map/template_fields.h"
#include "cxf/onepassword/map/values.h"
#include "importers/onepux/item_source.h"

namespace cxf::onepux {

namespace {

bool is_text(FieldType type) { return type == FieldType::string || type == FieldType::concealed_string; }

// Whether a value of `given` type can stand in a member that expects `expected`, and the type it takes
// there: text is text either way (which of the two is the member's business), and plain text is what
// 1Password has for countries, states and Wi-Fi security.
std::optional<FieldType> fitting_type(FieldType given, FieldType expected) {
    if (given == expected) return given;
    if (is_text(given) && is_text(expected)) return expected;
    if (given == FieldType::string &&
        (expected == FieldType::country_code || expected == FieldType::subdivision_code ||
         expected == FieldType::wifi_network_security_type))
        return given;
    return std::nullopt;
}

template <typename T>
std::optional<Placed> place_member(ItemSource& source, std::string_view member, EditableField& field) {
    for (const FieldMember<T>& m : field_members<T>()) {
        if (m.name != member) continue;
        const auto type = fitting_type(field.type, m.expected);
        if (!type) return std::nullopt;
        const std::size_t index = source.slot<T>();
        Field& target = source.at<T>(index).*m.member;
        if (target) return std::nullopt;
        field.type = *type;
        std::optional<std::string> spelling;
        if (m.expected == FieldType::country_code)
            if (auto code = onepassword::country_code(field.value.view())) {
                field.type = FieldType::country_code;
                if (*code != field.value.view()) spelling = std::string(field.value.view());
                field.value = crypto::Secret(*code);
            }
        field.label.reset();  // the member names it; the field's title stays in the extension
        target = std::make_unique<EditableField>(std::move(field));
        return Placed{credential_pointer(index) + "/" + std::string(member), std::move(spelling)};
    }
    return std::nullopt;
}

}  // namespace

std::optional<Placed> place_in_template(ItemSource& source, std::string_view field_id, EditableField& field) {
    const onepassword::TemplateField* t = onepassword::find_template_field(source.category, field_id);
    if (!t) return std::nullopt;
    if (t->credential == BasicAuth::type_name) return place_member<BasicAuth>(source, t->member, field);
    if (t->credential == CreditCard::type_name) return place_member<CreditCard>(source, t->member, field);
    if (t->credential == PersonName::type_name) return place_member<PersonName>(source, t->member, field);
    if (t->credential == DriversLicense::type_name) return place_member<DriversLicense>(source, t->member, field);
    if (t->credential == Passport::type_name) return place_member<Passport>(source, t->member, field);
    if (t->credential == IdentityDocument::type_name) return place_member<IdentityDocument>(source, t->member, field);
    if (t->credential == Wifi::type_name) return place_member<Wifi>(source, t->member, field);
    if (t->credential == ApiKey::type_name) return place_member<ApiKey>(source, t->member, field);
    return std::nullopt;
}

std::string add_custom_field(ItemSource& source, std::optional<std::size_t>& custom, const std::optional<std::string>& label,
                             EditableField field) {
    if (!custom) {
        CustomFields fields;
        fields.label = label;
        source.item.credentials.emplace_back(std::move(fields));
        custom = source.item.credentials.size() - 1;
    }
    auto& fields = source.at<CustomFields>(*custom).fields;
    fields.push_back(std::move(field));
    return credential_pointer(*custom) + "/fields/" + std::to_string(fields.size() - 1);
}

}  // namespace cxf::onepux
