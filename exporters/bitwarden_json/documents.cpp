// SPDX-License-Identifier: MIT
// drivers-license and passport (with the holder's person-name) → Bitwarden's newer
// "driversLicense" and "passport" objects, for items that were of those types in Bitwarden.
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

void write_drivers_license(JsonOut& out, const Cipher& c) {
    static const PersonName no_name;
    static const DriversLicense no_license;
    const PersonName& name = c.name ? *c.name : no_name;
    const DriversLicense& license = c.license ? *c.license : no_license;
    out.start_object();
    out.member("firstName", name.given);
    out.member("middleName", name.given2);
    out.member("lastName", name.surname);
    out.member("dateOfBirth", license.birth_date);
    out.member("licenseNumber", license.license_number);
    out.member("issuingCountry", license.country);
    out.member("issuingState", license.territory);
    out.member("issueDate", license.issue_date);
    out.member("expirationDate", license.expiry_date);
    out.member("issuingAuthority", license.issuing_authority);
    out.member("licenseClass", license.license_class);
    write_kept_members(out, c, "driversLicense");
    out.end_object();
}

void write_passport(JsonOut& out, const Cipher& c) {
    static const PersonName no_name;
    static const Passport no_passport;
    const PersonName& name = c.name ? *c.name : no_name;
    const Passport& passport = c.passport ? *c.passport : no_passport;
    out.start_object();
    out.member("surname", name.surname);
    out.member("givenName", name.given);
    out.member("dateOfBirth", passport.birth_date);
    out.member("sex", passport.sex);
    out.member("birthPlace", passport.birth_place);
    out.member("nationality", passport.nationality);
    out.member("issuingCountry", passport.issuing_country);
    out.member("passportNumber", passport.passport_number);
    out.member("passportType", passport.passport_type);
    out.member("nationalIdentificationNumber", passport.national_identification_number);
    out.member("issuingAuthority", passport.issuing_authority);
    out.member("issueDate", passport.issue_date);
    out.member("expirationDate", passport.expiry_date);
    write_kept_members(out, c, "passport");
    out.end_object();
}

}  // namespace cxf::bitwarden_json
