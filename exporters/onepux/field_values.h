// SPDX-License-Identifier: MIT
// Section field values as 1PUX writes them: {"<kind>": value}, with dates as Unix seconds, month-years
// as the integer YYYYMM, card types as 1Password's codes, e-mails, addresses and SSH keys as objects.
#pragma once

#include <optional>
#include <string_view>

#include "cxf/json/cursor.h"
#include "cxf/model/credentials.h"
#include "exporters/onepux/attachments.h"

namespace cxf::onepux::out {

// The kind a model field of this type becomes when nothing else says: string, concealed, email,
// date, monthYear, menu (a Wi-Fi security type), string for the rest.
std::string_view kind_for(FieldType type) noexcept;

// `text` as a value of `kind`; nullopt when it is not one (a date that is not YYYY-MM-DD). `kept`
// is the field's skeleton in the extension, for what the model could not hold (a date's time of
// day, an e-mail's provider).
std::optional<crypto::Secret> text_value(std::string_view kind, std::string_view text, const json::Cursor* kept = nullptr);

// The value of a field that holds nothing: null for dates and month-years, empty text otherwise.
crypto::Secret empty_value(std::string_view kind, const json::Cursor* kept = nullptr);

// `text` when it is JSON, else the JSON string of it.
crypto::Secret json_or_string(std::string_view text);

// A value kept verbatim as JSON (an unknown kind's object, passkey metadata); text that is not JSON
// is written as a string.
crypto::Secret json_value(std::string_view kind, std::string_view json);

// The TOTP's text: what the export had when `kept` says it and it is still this TOTP, else the bare
// secret when the rest is the defaults, else an otpauth:// URI.
crypto::Secret totp_text(const Totp& totp, const json::Cursor* kept);

crypto::Secret address_value(const Address& address, const json::Cursor* kept);
crypto::Secret ssh_key_value(const SshKey& key, const json::Cursor* kept);
crypto::Secret file_value(const DocumentOut& document);
crypto::Secret reference_value(const ItemReference& reference);

}  // namespace cxf::onepux::out
