// SPDX-License-Identifier: MIT
#include "cxf/feature.h"

namespace cxf {

namespace {

constexpr FeatureName feature_table[] = {
    {Feature::logins, "logins"},       {Feature::passkeys, "passkeys"},     {Feature::totp, "totp"},
    {Feature::notes, "notes"},         {Feature::attachments, "attachments"}, {Feature::custom_fields, "custom-fields"},
    {Feature::history, "history"},     {Feature::folders, "folders"},       {Feature::tags, "tags"},
    {Feature::timestamps, "timestamps"}, {Feature::cards, "cards"},         {Feature::identities, "identities"},
    {Feature::ssh_keys, "ssh-keys"},   {Feature::wifi, "wifi"},             {Feature::api_keys, "api-keys"},
    {Feature::unknown_data, "unknown-data"},
};

}  // namespace

std::span<const FeatureName> feature_names() noexcept { return feature_table; }

std::string_view feature_name(Feature feature) noexcept {
    for (const FeatureName& f : feature_table)
        if (f.feature == feature) return f.name;
    return "unknown";
}

}  // namespace cxf
