// SPDX-License-Identifier: MIT
// The in-memory credential model every format maps to and from. It mirrors CXF 1.0:
// Vault (CXF Header) → Accounts → Collections (nested, LinkedItems) and Items → Credentials.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cxf/model/credentials.h"
#include "cxf/model/field.h"

namespace cxf {

struct AndroidCertificate {
    Bytes fingerprint;        // raw hash bytes
    std::string hash_alg;     // "sha256" | "sha512" | other
};

struct AndroidApp {
    std::string bundle_id;
    std::optional<AndroidCertificate> certificate;
    std::optional<std::string> name;
};

struct CredentialScope {
    std::vector<std::string> urls;  // as given; SHOULD be RFC 3986 URIs, bare hosts happen
    std::vector<AndroidApp> android_apps;
};

// Data CXF has no member for is kept in extensions named with this prefix: "cxf.local/history" (typed,
// below) and one raw extension per source format ("cxf.local/kdbx", "cxf.local/bitwarden") holding what
// only that format can use, so a round trip through CXF loses nothing and other writers can name what
// they drop.
inline constexpr std::string_view own_extension_prefix = "cxf.local/";
inline constexpr std::string_view history_extension_name = "cxf.local/history";

struct Item {
    Id id;
    std::optional<Timestamp> creation_at, modified_at;
    std::string title;
    std::optional<std::string> subtitle;
    bool favorite = false;
    std::optional<CredentialScope> scope;
    std::vector<Credential> credentials;
    std::vector<std::string> tags;
    std::vector<Extension> extensions;
    // Earlier versions of this item, oldest first (KeePass history, Bitwarden password history).
    // CXF has no history; cxf writes it as the "cxf.local/history" extension.
    std::vector<Item> history;
};

struct Collection {
    Id id;
    std::optional<Timestamp> creation_at, modified_at;
    std::string title;
    std::optional<std::string> subtitle;
    std::vector<LinkedItem> items;
    std::vector<Collection> sub_collections;
    std::vector<Extension> extensions;
};

struct Account {
    Id id;
    std::string username;
    std::string email;
    std::optional<std::string> full_name;
    std::vector<Collection> collections;
    std::vector<Item> items;
    std::vector<Extension> extensions;
};

struct Version {
    std::uint8_t major = 1;
    std::uint8_t minor = 0;
};

struct Vault {
    Version version;
    std::string exporter_rp_id;         // empty: the writer uses cxf's own
    std::string exporter_display_name;
    std::optional<Timestamp> timestamp; // absent: the writer uses the current time
    std::vector<Account> accounts;
    // The source was a bare CXF Account (what Apple's and Android's APIs hand over), not a Header:
    // JSON pointers into it start at the account, not at /accounts/0.
    bool bare_account = false;
};

}  // namespace cxf
