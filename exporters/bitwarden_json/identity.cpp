// SPDX-License-Identifier: MIT
// person-name, address, identity-document, passport, drivers-license and the identity's own
// custom fields (company, e-mail, username) → Bitwarden "identity".
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

namespace {

// The street address back into address1..3: the importer's three values when they still join to
// it, else one line each (lines past the third stay in address3).
void address_lines(json::Builder& out, const Cipher& c, const Field& street) {
    constexpr std::string_view names[] = {"address1", "address2", "address3"};
    const auto kept = c.ext.find("identity");
    if (kept && street) {
        std::string joined;
        bool any = false;
        for (const std::string_view name : names)
            if (const auto v = kept->find(name); v && v->is_string()) {
                if (any) joined += '\n';
                joined += v->string();
                any = true;
            }
        if (any && joined == street->value.view()) {
            for (const std::string_view name : names) {
                out.key(name);
                if (const auto v = kept->find(name)) out.copy(*v);
                else out.null();
            }
            return;
        }
    }
    std::string_view rest = street ? street->value.view() : std::string_view();
    for (std::size_t i = 0; i < 3; ++i) {
        out.key(names[i]);
        if (rest.empty() && (i > 0 || !street)) {
            out.null();
            continue;
        }
        const auto newline = i < 2 ? rest.find('\n') : std::string_view::npos;
        out.string(rest.substr(0, newline));
        rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    }
}

}  // namespace

void write_identity(json::Builder& out, const Cipher& c) {
    static const PersonName no_name;
    static const Address no_address;
    const PersonName& name = c.name ? *c.name : no_name;
    const Address& address = c.address ? *c.address : no_address;
    static const Field none;
    out.begin_object();
    member(out, "title", name.title);
    member(out, "firstName", name.given);
    member(out, "middleName", name.given2);
    member(out, "lastName", name.surname);
    address_lines(out, c, address.street_address);
    member(out, "city", address.city);
    member(out, "state", address.territory);
    member(out, "postalCode", address.postal_code);
    member(out, "country", address.country);
    // identity_extra_members, in Bitwarden's order among the others
    labelled_member(out, "company", c.identity_extras);
    labelled_member(out, "email", c.identity_extras);
    member(out, "phone", address.tel);
    member(out, "ssn", c.document ? c.document->identification_number : none);
    labelled_member(out, "username", c.identity_extras);
    member(out, "passportNumber", c.passport ? c.passport->passport_number : none);
    member(out, "licenseNumber", c.license ? c.license->license_number : none);
    write_kept_members(out, c, "identity", {"address1", "address2", "address3"});
    out.end_object();
}

}  // namespace cxf::bitwarden_json
