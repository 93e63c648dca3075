// SPDX-License-Identifier: MIT
#include "importers/bitwarden_json/person.h"

#include "cxf/bitwarden/map/codec.h"

namespace cxf::bitwarden_json {

FieldType date_type(std::string_view v) noexcept {
    const bool shape = v.size() == 10 && v[4] == '-' && v[7] == '-' && all_digits(v.substr(0, 4)) &&
                       all_digits(v.substr(5, 2)) && all_digits(v.substr(8, 2));
    if (!shape) return FieldType::string;
    const int month = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? FieldType::date : FieldType::string;
}

FieldType country_type(std::string_view v) noexcept {
    const bool code = v.size() == 2 && v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' && v[1] <= 'Z';
    return code ? FieldType::country_code : FieldType::string;
}

}  // namespace cxf::bitwarden_json
