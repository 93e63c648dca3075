// SPDX-License-Identifier: MIT
// The attribute and CustomData names the KDBX mapping reads and writes (kdbx.md §3).
#pragma once

#include <string_view>

namespace cxf::kdbx_map {

inline constexpr std::string_view extension_name = "cxf.local/kdbx";

// The five strings KeePass gives every entry.
inline constexpr std::string_view title_key = "Title";
inline constexpr std::string_view user_name_key = "UserName";
inline constexpr std::string_view password_key = "Password";
inline constexpr std::string_view url_key = "URL";
inline constexpr std::string_view notes_key = "Notes";
inline constexpr std::string_view standard_keys[] = {title_key, user_name_key, password_key, url_key, notes_key};

// KeePassXC's "additional URLs" and KeePassDX's extra web origins and Android apps.
inline constexpr std::string_view kp2a_url_prefix = "KP2A_URL";
inline constexpr std::string_view keepassdx_url_prefix = "URL_";
inline constexpr std::string_view android_app_key = "AndroidApp";
inline constexpr std::string_view android_app_scheme = "androidapp://";

// Passkeys as KeePassXC, KeePassDX and Strongbox store them.
inline constexpr std::string_view passkey_username = "KPEX_PASSKEY_USERNAME";
inline constexpr std::string_view passkey_username_legacy = "KPXC_PASSKEY_USERNAME";
inline constexpr std::string_view passkey_credential_id = "KPEX_PASSKEY_CREDENTIAL_ID";
inline constexpr std::string_view passkey_credential_id_legacy = "KPEX_PASSKEY_GENERATED_USER_ID";
inline constexpr std::string_view passkey_private_key = "KPEX_PASSKEY_PRIVATE_KEY_PEM";
inline constexpr std::string_view passkey_relying_party = "KPEX_PASSKEY_RELYING_PARTY";
inline constexpr std::string_view passkey_user_handle = "KPEX_PASSKEY_USER_HANDLE";
inline constexpr std::string_view passkey_flag_be = "KPEX_PASSKEY_FLAG_BE";
inline constexpr std::string_view passkey_flag_bs = "KPEX_PASSKEY_FLAG_BS";

// TOTP: KeePassXC's URI (or KeeOtp key/values), the legacy seed/settings pair, KeePass 2.47+.
inline constexpr std::string_view otp_key = "otp";
inline constexpr std::string_view totp_seed_key = "TOTP Seed";
inline constexpr std::string_view totp_settings_key = "TOTP Settings";
inline constexpr std::string_view time_otp_prefix = "TimeOtp-";
inline constexpr std::string_view time_otp_secret = "TimeOtp-Secret";
inline constexpr std::string_view time_otp_secret_hex = "TimeOtp-Secret-Hex";
inline constexpr std::string_view time_otp_secret_base32 = "TimeOtp-Secret-Base32";
inline constexpr std::string_view time_otp_secret_base64 = "TimeOtp-Secret-Base64";
inline constexpr std::string_view time_otp_length = "TimeOtp-Length";
inline constexpr std::string_view time_otp_period = "TimeOtp-Period";
inline constexpr std::string_view time_otp_algorithm = "TimeOtp-Algorithm";
inline constexpr std::string_view hmac_otp_prefix = "HmacOtp-";

// CustomData items cxf writes so that it can read back exactly what it wrote (docs/formats/kdbx.md):
// on an entry, the CXF shape of its credentials; on Meta, the vault's header and first account; on a
// group, the account or collection it stands for.
inline constexpr std::string_view item_layout_key = "CXF_ITEM";
// The layout's type for a credential cxf does not know (never a CXF type name: those have no ":").
inline constexpr std::string_view opaque_type = "cxf:opaque";
// Extensions from other formats (e.g. "cxf.local/bitwarden") of the item, collection or account an
// entry, group or Meta stands for, as a CXF JSON array.
inline constexpr std::string_view extensions_key = "CXF_EXTENSIONS";
inline constexpr std::string_view vault_key = "CXF_VAULT";
inline constexpr std::string_view account_key = "CXF_ACCOUNT";
inline constexpr std::string_view collection_key = "CXF_COLLECTION";

}  // namespace cxf::kdbx_map
