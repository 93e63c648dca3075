// SPDX-License-Identifier: MIT
#include "cxf/cxp/json_fields.h"

namespace cxf::cxp::detail {

json::Reader fields(const std::string& file) { return json::Reader({file, "", "", json::Wording::must_be}); }

std::uint64_t uint_member(const json::Reader& fields, const json::Cursor& object, std::string_view name,
                          std::uint64_t max) {
    const json::Cursor value = fields.required_member(object, name, json::Kind::uint64);
    if (value.is(json::Kind::int64) || value.uint64() > max)
        fields.fail(value, "'" + std::string(name) + "' must be an integer from 0 to " + std::to_string(max));
    return value.uint64();
}

}  // namespace cxf::cxp::detail
