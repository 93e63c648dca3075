// SPDX-License-Identifier: MIT
// The kinds of data a format can carry, named the same way in `cxf formats`, loss notices and reports.
#pragma once

#include "cxf/export.h"
#include <cstdint>
#include <span>
#include <string_view>

namespace cxf {

// What a writer can carry. A format's `carries` mask must agree with the losses its writer reports.
enum class Feature : std::uint32_t {
    logins = 1u << 0,        // basic-auth, URLs
    passkeys = 1u << 1,
    totp = 1u << 2,
    notes = 1u << 3,
    attachments = 1u << 4,   // file bytes, not just their description
    custom_fields = 1u << 5,
    history = 1u << 6,
    folders = 1u << 7,       // nested collections
    tags = 1u << 8,
    timestamps = 1u << 9,
    cards = 1u << 10,
    identities = 1u << 11,   // person-name, address, identity documents, passport, driver's licence
    ssh_keys = 1u << 12,
    wifi = 1u << 13,
    api_keys = 1u << 14,
    unknown_data = 1u << 15, // credential types and extensions outside the model, kept verbatim
};
using Features = std::uint32_t;
constexpr Features operator|(Feature a, Feature b) noexcept { return Features(a) | Features(b); }
constexpr Features operator|(Features a, Feature b) noexcept { return a | Features(b); }
constexpr bool has(Features set, Feature f) noexcept { return (set & Features(f)) != 0; }
constexpr Features all_features = (Features(Feature::unknown_data) << 1) - 1;

struct FeatureName {
    Feature feature;
    std::string_view name;
};
CXF_API std::span<const FeatureName> feature_names() noexcept;
std::string_view feature_name(Feature feature) noexcept;  // "custom-fields"

}  // namespace cxf
