// SPDX-License-Identifier: MIT
// drivers-license and passport (with the holder's person-name) → Bitwarden's newer
// "driversLicense" and "passport" objects, for items that were of those types in Bitwarden.
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

void write_drivers_license(json::Builder& out, const Cipher& c) {
    static const PersonName no_name;
    static const DriversLicense no_license;
    const PersonName& name = c.name ? *c.name : no_name;
    const DriversLicense& license = c.license ? *c.license : no_license;
    out.begin_object();
    member(out, "firstName", name.given);
    member(out, "middleName", name.given2);
    member(out, "lastName", name.surname);
    member(out, "dateOfBirth", license.birth_date);
    member(out, "licenseNumber", license.license_number);
    member(out, "issuingCountry", license.country);
    member(out, "issuingState", license.territory);
    member(out, "issueDate", license.issue_date);
    member(out, "expirationDate", license.expiry_date);
    member(out, "issuingAuthority", license.issuing_authority);
    member(out, "licenseClass", license.license_class);
    write_kept_members(out, c, "driversLicense");
    out.end_object();
}

void write_passport(json::Builder& out, const Cipher& c) {
    static const PersonName no_name;
    static const Passport no_passport;
    const PersonName& name = c.name ? *c.name : no_name;
    const Passport& passport = c.passport ? *c.passport : no_passport;
    out.begin_object();
    member(out, "surname", name.surname);
    member(out, "givenName", name.given);
    member(out, "dateOfBirth", passport.birth_date);
    member(out, "sex", passport.sex);
    member(out, "birthPlace", passport.birth_place);
    member(out, "nationality", passport.nationality);
    member(out, "issuingCountry", passport.issuing_country);
    member(out, "passportNumber", passport.passport_number);
    member(out, "passportType", passport.passport_type);
    member(out, "nationalIdentificationNumber", passport.national_identification_number);
    member(out, "issuingAuthority", passport.issuing_authority);
    member(out, "issueDate", passport.issue_date);
    member(out, "expirationDate", passport.expiry_date);
    write_kept_members(out, c, "passport");
    out.end_object();
}

}  // namespace cxf::bitwarden_json
