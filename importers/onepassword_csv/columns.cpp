// SPDX-License-Identifier: MIT
// Header row → layout and column roles. 1Password 8's names are matched exactly (they tell the layout
// from other CSVs); within a layout any spelling of a name is taken, as other importers do.
#include <algorithm>

#include "cxf/onepassword/map/csv_columns.h"
#include "cxf/otp/otpauth.h"
#include "importers/onepassword_csv/columns.h"

namespace cxf::onepassword_csv {

namespace {

using namespace onepassword;

struct Named {
    std::string_view name;
    Role role;
};

constexpr Named csv8_roles[] = {
    {csv8_header[0], Role::title},    {csv8_header[1], Role::url},      {csv8_header[2], Role::username},
    {csv8_header[3], Role::password}, {csv8_header[4], Role::otpauth},  {csv8_header[5], Role::favorite},
    {csv8_header[6], Role::archived}, {csv8_header[7], Role::tags},     {csv8_header[8], Role::notes},
};

constexpr Named csv7_roles[] = {
    {"Title", Role::title},       {csv7_url, Role::url},         {"Username", Role::username},
    {"Password", Role::password}, {"Notes", Role::notes},        {csv7_notes_plain, Role::notes},
    {"tags", Role::tags},         {csv7_type, Role::category},   {csv7_uuid, Role::uuid},
    {csv7_subtitle, Role::subtitle},
    {csv7_settings[0], Role::setting}, {csv7_settings[1], Role::setting},
};

bool has(std::span<const std::string_view> header, std::string_view name) {
    return std::find(header.begin(), header.end(), name) != header.end();
}

}  // namespace

std::optional<Layout> layout_of(std::span<const std::string_view> header) {
    if (has(header, "Title") && has(header, "Url") && has(header, "Username") && has(header, "Password") &&
        has(header, "OTPAuth"))
        return Layout::onepassword8;
    if (has(header, "Title") && has(header, csv7_type) &&
        (has(header, csv7_url) || has(header, "Username") || has(header, "Password")))
        return Layout::onepassword7;
    return std::nullopt;
}

std::vector<Column> columns_of(Layout layout, std::span<const crypto::Secret> header) {
    const std::span<const Named> roles = layout == Layout::onepassword8 ? std::span<const Named>(csv8_roles)
                                                                         : std::span<const Named>(csv7_roles);
    std::vector<Column> columns;
    for (const crypto::Secret& cell : header) {
        const std::string_view name = cell.view();
        const auto named = std::find_if(roles.begin(), roles.end(), [&](const Named& n) { return otp::iequals(n.name, name); });
        columns.push_back({named == roles.end() ? Role::field : named->role, std::string(name)});
    }
    return columns;
}

}  // namespace cxf::onepassword_csv
