// SPDX-License-Identifier: MIT
// Bitwarden "identity" → person-name, address, identity-document (ssn), passport (number),
// drivers-license (number), and a custom-fields credential for company, e-mail and username.
#include "importers/bitwarden_json/items.h"
#include "importers/bitwarden_json/person.h"

namespace cxf::bitwarden_json {

namespace {

constexpr std::string_view address_lines[] = {"address1", "address2", "address3"};

// address1..3 become one street address, one line each; when that would not split back into the
// same three values (a gap, an empty line), the three are kept as written.
Field street(const std::optional<std::string_view> (&lines)[3], const json::Cursor& identity, ItemSource& source) {
    std::string joined;
    bool any = false, regular = true, gap = false;
    for (const auto& line : lines) {
        if (!line) {
            gap = true;
            continue;
        }
        if (gap || line->empty() || line->find('\n') != std::string_view::npos) regular = false;
        if (any) joined += '\n';
        joined += *line;
        any = true;
    }
    if (!any) return nullptr;
    if (!regular)
        for (std::size_t i = 0; i < 3; ++i)
            if (const auto value = identity.find(address_lines[i]))
                source.extension().set_in("identity", address_lines[i], json::to_json(*value));
    return make_field(FieldType::string, joined);
}

}  // namespace

void read_identity(const json::Cursor& identity, Item& item, ItemSource& source) {
    PersonName name;
    Address address;
    IdentityDocument document;
    Passport passport;
    DriversLicense license;
    CustomFields extras = object_fields(identity_extras);
    std::optional<std::string_view> lines[3];
    for (const auto m : identity.members()) {
        const auto value = source.string_or_null(m.value);
        const auto typed = [&](FieldType type) { return value ? make_field(type, *value) : nullptr; };
        if (m.key == "title") name.title = typed(FieldType::string);
        else if (m.key == "firstName") name.given = typed(FieldType::string);
        else if (m.key == "middleName") name.given2 = typed(FieldType::string);
        else if (m.key == "lastName") name.surname = typed(FieldType::string);
        else if (m.key == "address1") lines[0] = value;
        else if (m.key == "address2") lines[1] = value;
        else if (m.key == "address3") lines[2] = value;
        else if (m.key == "city") address.city = typed(FieldType::string);
        else if (m.key == "state") address.territory = typed(FieldType::string);
        else if (m.key == "postalCode") address.postal_code = typed(FieldType::string);
        else if (m.key == "country") address.country = typed(country_type(value.value_or("")));
        else if (m.key == "phone") address.tel = typed(FieldType::string);
        else if (m.key == "ssn") document.identification_number = typed(FieldType::string);
        else if (m.key == "passportNumber") passport.passport_number = typed(FieldType::string);
        else if (m.key == "licenseNumber") license.license_number = typed(FieldType::string);
        else if (const ObjectMember* extra = find_member(identity_extra_members, m.key)) {
            if (value) add_labelled(extras, extra->name, extra->type, *value);
        } else source.keep("identity", m);
    }
    address.street_address = street(lines, identity, source);

    if (name.title || name.given || name.given2 || name.surname) item.credentials.emplace_back(std::move(name));
    if (address.street_address || address.city || address.territory || address.postal_code || address.country ||
        address.tel)
        item.credentials.emplace_back(std::move(address));
    if (document.identification_number) item.credentials.emplace_back(std::move(document));
    if (passport.passport_number) item.credentials.emplace_back(std::move(passport));
    if (license.license_number) item.credentials.emplace_back(std::move(license));
    if (!extras.fields.empty()) item.credentials.emplace_back(std::move(extras));
}

}  // namespace cxf::bitwarden_json
