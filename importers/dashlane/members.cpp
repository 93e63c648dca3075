// SPDX-License-Identifier: MIT
// Column names as Dashlane writes them (learnt from the headers in Bitwarden's and Proton Pass's
// Dashlane importers and their test files).
#include "importers/dashlane/members.h"

#include <algorithm>

namespace cxf::dashlane {

namespace {

constexpr csv::ColumnName credentials[] = {
    {"username", true}, {"username2"}, {"username3"}, {"title", true}, {"password", true}, {"note", true},
    {"url", true},      {"category"},  {"otpSecret"}, {"otpUrl"},
};
constexpr csv::ColumnName secure_notes[] = {{"title", true}, {"note", true}, {"category"}};
constexpr csv::ColumnName payments[] = {
    {"type", true},         {"account_name", true},    {"account_holder"}, {"cc_number", true}, {"code", true},
    {"expiration_month", true}, {"expiration_year", true}, {"routing_number"}, {"account_number"}, {"country"},
    {"issuing_bank"},       {"note"},                  {"name"},
};
constexpr csv::ColumnName ids[] = {{"type", true},           {"number", true},         {"name", true},
                                   {"issue_date", true},     {"expiration_date", true}, {"place_of_issue", true},
                                   {"state"}};
constexpr csv::ColumnName personal_info[] = {
    {"type", true},      {"title"},          {"first_name", true}, {"middle_name"},       {"last_name", true},
    {"login"},           {"date_of_birth"},  {"place_of_birth"},   {"email", true},       {"email_type"},
    {"item_name"},       {"phone_number", true}, {"address", true}, {"country", true},     {"state"},
    {"city", true},      {"zip", true},      {"address_recipient"}, {"address_building"}, {"address_apartment"},
    {"address_floor"},   {"address_door_code"}, {"job_title"},     {"url"},
};

constexpr MemberLayout layouts[] = {
    {Member::credentials, "credentials.csv", credentials},
    {Member::secure_notes, "securenotes.csv", secure_notes},
    {Member::payments, "payments.csv", payments},
    {Member::ids, "ids.csv", ids},
    {Member::personal_info, "personalInfo.csv", personal_info},
};

bool matches(const MemberLayout& layout, std::span<const std::string_view> names) {
    const auto known = [&](std::string_view name) {
        return std::any_of(layout.columns.begin(), layout.columns.end(), [&](const csv::ColumnName& c) { return c.name == name; });
    };
    const auto present = [&](std::string_view name) { return std::find(names.begin(), names.end(), name) != names.end(); };
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!known(names[i]) || std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) !=
                                    names.begin() + static_cast<std::ptrdiff_t>(i))
            return false;
    return std::all_of(layout.columns.begin(), layout.columns.end(),
                       [&](const csv::ColumnName& c) { return !c.required || present(c.name); });
}

}  // namespace

const MemberLayout* layout_of(std::span<const std::string_view> names) noexcept {
    for (const MemberLayout& layout : layouts)
        if (matches(layout, names)) return &layout;
    return nullptr;
}

}  // namespace cxf::dashlane
