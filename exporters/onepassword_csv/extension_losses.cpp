// SPDX-License-Identifier: MIT
#include "exporters/onepassword_csv/extension_losses.h"

#include "cxf/error.h"
#include "cxf/json/document.h"
#include "cxf/json/extension.h"
#include "cxf/onepassword/map/csv_columns.h"
#include "cxf/onepassword/map/extension.h"
#include "cxf/plugin/losses.h"

namespace cxf::onepassword_csv {

namespace {

using onepassword::extension_name;

constexpr std::string_view target = "1Password CSV";
const std::string field = "extension:" + std::string(extension_name);

bool carried(std::string_view key, const json::Cursor& value) {
    if (key == "name" || key == "category" || key == "otpAuth") return true;
    return key == onepassword::state_member && value.is_string() && value.string() == onepassword::archived_state;
}

void item_losses(const Item& item, const std::string& place, Report& report) {
    const RawExtension* own = json::find_extension(item.extensions, extension_name);
    if (!own) return;
    try {
        const json::Document document(own->json.view(), place);
        for (const auto m : document.root().members())
            if (!carried(m.key, m.value))
                report.lost(Feature::unknown_data, place, item.title, field + "/" + std::string(m.key),
                            std::string(target) + " has no place for it");
    } catch (const Error&) {
        report.lost(Feature::unknown_data, place, item.title, field, std::string(target) + " has no place for it");
    }
}

void collection_losses(const std::vector<Collection>& collections, const std::string& base, Report& report) {
    for (std::size_t i = 0; i < collections.size(); ++i) {
        const std::string place = base + "/" + std::to_string(i);
        if (json::find_extension(collections[i].extensions, extension_name))
            report.lost(Feature::unknown_data, place, {}, field, std::string(target) + " keeps no vault details");
        collection_losses(collections[i].sub_collections, place + "/subCollections", report);
    }
}

}  // namespace

void report_extension_losses(const Vault& vault, Report& report) {
    report_extensions_lost(vault, extension_name, target, report);
    for (std::size_t a = 0; a < vault.accounts.size(); ++a) {
        const Account& account = vault.accounts[a];
        const std::string base = "/accounts/" + std::to_string(a);
        if (json::find_extension(account.extensions, extension_name))
            report.lost(Feature::unknown_data, base, {}, field, std::string(target) + " keeps no account details");
        collection_losses(account.collections, base + "/collections", report);
        for (std::size_t i = 0; i < account.items.size(); ++i) item_losses(account.items[i], item_place(a, i), report);
    }
}

}  // namespace cxf::onepassword_csv
