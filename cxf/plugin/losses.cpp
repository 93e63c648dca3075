// SPDX-License-Identifier: MIT
#include "cxf/plugin/losses.h"

#include "cxf/model/credential_fields.h"

namespace cxf {

std::string item_place(std::size_t account, std::size_t item) {
    return "/accounts/" + std::to_string(account) + "/items/" + std::to_string(item);
}

namespace {

class ExtensionLosses {
public:
    ExtensionLosses(std::string_view keep, std::string_view target, Report& report)
        : keep_(keep), target_(target), report_(report) {}

    void extensions(const std::vector<Extension>& exts, const std::string& place, const std::string& item) {
        for (const Extension& e : exts) {
            const std::string_view name = extension_name(e);
            if (!keep_.empty() && name == keep_) continue;
            report_.lost(Feature::unknown_data, place, item, "extension:" + std::string(name),
                         std::string(target_) + " has no place for this extension");
        }
    }

    void collections(const std::vector<Collection>& cs, const std::string& base) {
        for (std::size_t i = 0; i < cs.size(); ++i) {
            const std::string place = base + "/" + std::to_string(i);
            extensions(cs[i].extensions, place, {});
            collections(cs[i].sub_collections, place + "/subCollections");
        }
    }

    void item(const Item& it, const std::string& place) {
        extensions(it.extensions, place, it.title);
        for (std::size_t c = 0; c < it.credentials.size(); ++c) {
            const std::string cplace = place + "/credentials/" + std::to_string(c);
            std::visit([&](const auto& credential) { fields(credential, cplace, it.title); }, it.credentials[c]);
        }
        for (std::size_t h = 0; h < it.history.size(); ++h) item(it.history[h], place + "/history/" + std::to_string(h));
    }

private:
    template <typename T>
    void fields(const T& credential, const std::string& place, const std::string& item) {
        for (const FieldMember<T>& spec : field_members<T>())
            if (const Field& f = credential.*spec.member) extensions(f->extensions, place + "/" + std::string(spec.name), item);
    }
    void fields(const CustomFields& cf, const std::string& place, const std::string& item) {
        extensions(cf.extensions, place, item);
        for (std::size_t f = 0; f < cf.fields.size(); ++f)
            extensions(cf.fields[f].extensions, place + "/fields/" + std::to_string(f), item);
    }

    std::string_view keep_, target_;
    Report& report_;
};

}  // namespace

void report_extensions_lost(const Vault& vault, std::string_view keep, std::string_view target, Report& report) {
    ExtensionLosses losses(keep, target, report);
    for (std::size_t a = 0; a < vault.accounts.size(); ++a) {
        const Account& account = vault.accounts[a];
        const std::string base = "/accounts/" + std::to_string(a);
        losses.extensions(account.extensions, base, {});
        losses.collections(account.collections, base + "/collections");
        for (std::size_t i = 0; i < account.items.size(); ++i) losses.item(account.items[i], item_place(a, i));
    }
}

}  // namespace cxf
