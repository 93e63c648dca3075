// SPDX-License-Identifier: MIT
// Reporting what a writer cannot carry, the same way in every exporter.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf {

// The kind of data a credential of type C is, as `cxf formats` and the loss report name it.
template <typename C>
constexpr Feature credential_feature() noexcept {
    if constexpr (std::is_same_v<C, BasicAuth> || std::is_same_v<C, GeneratedPassword>) return Feature::logins;
    else if constexpr (std::is_same_v<C, Passkey>) return Feature::passkeys;
    else if constexpr (std::is_same_v<C, Totp>) return Feature::totp;
    else if constexpr (std::is_same_v<C, Note>) return Feature::notes;
    else if constexpr (std::is_same_v<C, File>) return Feature::attachments;
    else if constexpr (std::is_same_v<C, CustomFields>) return Feature::custom_fields;
    else if constexpr (std::is_same_v<C, CreditCard>) return Feature::cards;
    else if constexpr (std::is_same_v<C, SshKey>) return Feature::ssh_keys;
    else if constexpr (std::is_same_v<C, Wifi>) return Feature::wifi;
    else if constexpr (std::is_same_v<C, ApiKey>) return Feature::api_keys;
    else if constexpr (std::is_same_v<C, ItemReference>) return Feature::folders;
    else if constexpr (std::is_same_v<C, UnknownCredential>) return Feature::unknown_data;
    else return Feature::identities;  // person name, address, identity document, passport, driver's licence
}

inline Feature feature_of(const Credential& credential) noexcept {
    return std::visit([](const auto& c) { return credential_feature<std::decay_t<decltype(c)>>(); }, credential);
}

// The JSON pointer of an item in the vault seen as a CXF document: what every writer uses as the
// place of a loss (with "/credentials/N" or "/history/N" appended below it).
std::string item_place(std::size_t account, std::size_t item);

// Reports as lost every extension in the vault — on accounts, collections, items (history included),
// credentials and fields — except the ones named `keep` (the writer's own "cxf.local/<format>", or
// empty). `target` names the format in the reason ("Bitwarden JSON").
void report_extensions_lost(const Vault& vault, std::string_view keep, std::string_view target, Report& report);

}  // namespace cxf
