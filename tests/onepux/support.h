// SPDX-License-Identifier: MIT
// Helpers for the 1PUX tests: reading the fixtures of testdata/1password, finding items and
// credentials, and looking into an item's cxf.local/1password extension.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/json/extension.h"
#include "cxf/model/vault.h"
#include "cxf/plugin/format.h"
#include "cxf/report.h"
#include "tests/support/vault_lookup.h"

namespace onepux_test {

inline constexpr std::string_view keepassxc_sample = "1password/keepassxc-1PasswordExport.1pux";
inline constexpr std::string_view every_category = "1password/synthetic-every-category.1pux";
inline constexpr std::string_view legacy_shape = "1password/synthetic-legacy-shape.1pux";

// Reads testdata/<relative> as 1PUX.
cxf::Vault read(std::string_view relative, cxf::Report& report, cxf::ReadOptions options = {});

// The export time the writer tests give, for items without times of their own.
inline constexpr cxf::Timestamp write_time = 1800000000;
// The vault as a 1PUX zip, written at write_time.
cxf::crypto::SecureBytes write(const cxf::Vault& vault, cxf::Report& report);
// A 1PUX zip held in memory, read back.
cxf::Vault read_bytes(const cxf::crypto::SecureBytes& bytes, cxf::Report& report);

using test::all;
using test::item_titled;
using test::only;
using test::value;

// The custom-fields credential labelled `label` (nullopt: the unlabelled one).
const cxf::CustomFields& custom_fields(const cxf::Item& item, std::optional<std::string_view> label);

// "label=fieldType:value" for each field, in order.
std::vector<std::string> fields_of(const cxf::CustomFields& fields);

// The item's cxf.local/1password extension, and the JSON value at a "/"-separated path in it
// ("sections/0/fields/1/at"); its compact JSON text, or "<absent>".
class OwnExtension {
public:
    explicit OwnExtension(const std::vector<cxf::Extension>& extensions) : view_(extensions, "cxf.local/1password") {}
    bool present() const { return view_.present(); }
    std::string json(std::string_view path) const;
    std::string text(std::string_view path) const;  // a string member's text, else json(path)

private:
    std::optional<cxf::json::Cursor> at(std::string_view path) const;
    cxf::json::ExtensionView view_;
};

// Counts the notices of a kind whose message contains `text`.
std::size_t count(const cxf::Report& report, cxf::NoticeKind kind, std::string_view text);

}  // namespace onepux_test
