// SPDX-License-Identifier: MIT
// CXF → 1PUX → model: every value the CXF items hold comes back, typed where 1Password has the
// category (credit card, passport, Wi-Fi, SSH key…), and the loss report names exactly what 1PUX
// cannot hold: passkeys, unknown credential types, other formats' extensions, files known only by
// their description.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/model/credential_fields.h"
#include "cxf/onepassword/map/values.h"
#include "exporters/onepux/uuid.h"
#include "tests/cxf_json/kitchen_sink.h"
#include "tests/onepux/support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using onepux_test::only;
using onepux_test::value;

namespace {

// Every non-empty value an item holds, as "text" (types may change on the way: a custom field can
// come back as a typed member and the other way round).
std::multiset<std::string> values_of(const Item& item) {
    std::multiset<std::string> out;
    const auto add = [&](std::string_view text) {
        if (!text.empty()) out.emplace(text);
    };
    for (const Credential& credential : item.credentials) {
        std::visit(
            [&](const auto& c) {
                using T = std::decay_t<decltype(c)>;
                for (const FieldMember<T>& m : field_members<T>())
                    if (const Field& f = c.*m.member) {
                        // 1PUX holds card types as codes: "visa" comes back as "Visa".
                        if (m.name == "cardType") add(onepassword::card_type_code(f->value.view()));
                        else add(f->value.view());
                    }
                if constexpr (std::is_same_v<T, CustomFields>)
                    for (const EditableField& f : c.fields) add(f.value.view());
                if constexpr (std::is_same_v<T, Totp>) add(c.secret.view());
                if constexpr (std::is_same_v<T, GeneratedPassword>) add(c.password.view());
                if constexpr (std::is_same_v<T, SshKey>) add(encoding::hex_encode(c.private_key));
                if constexpr (std::is_same_v<T, File>)
                    if (c.data) add(c.name + ":" + encoding::hex_encode(*c.data));
            },
            credential);
    }
    return out;
}

bool label_or_id(const Notice& notice) { return notice.field.starts_with("label:") || notice.field.starts_with("field-id:"); }

// The fields of the lost notices but those about a field's label or id (writer_notices_test.cpp
// checks those; the CXP samples give every field an id, which a template field cannot keep).
std::vector<std::string> lost_fields(const Report& report) {
    std::vector<std::string> out;
    for (const Notice& n : report.notices()) {
        if (n.kind != NoticeKind::lost) continue;
        if (!label_or_id(n)) out.push_back(n.field);
        else CHECK(n.detail);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const Item& by_title(const Vault& vault, const std::string& title) { return onepux_test::item_titled(vault, title); }

// The item written for `item`: 1PUX ids are text, so the read-back id is the uuid written for it.
const Item& counterpart(const Vault& back, const Item& item) {
    const std::string uuid = onepux::out::uuid_text(item.id);
    for (const Item& i : back.accounts[0].items)
        if (as_text(i.id) == uuid) return i;
    throw std::logic_error("no item written for " + item.title);
}

// Each item of `source` is in `back` with its title, every value, URLs, tags, favourite and times.
void check_items(const Vault& source, const Vault& back) {
    REQUIRE(back.accounts.size() == source.accounts.size());
    for (const Item& item : source.accounts[0].items) {
        CAPTURE(item.title);
        const Item& out = counterpart(back, item);
        CHECK(out.title == item.title);
        const auto expected = values_of(item);
        const auto got = values_of(out);
        std::vector<std::string> missing;
        std::set_difference(expected.begin(), expected.end(), got.begin(), got.end(), std::back_inserter(missing));
        CHECK(missing.empty());
        CHECK(out.tags == item.tags);
        CHECK(out.favorite == item.favorite);
        CHECK(out.subtitle.value_or("") == item.subtitle.value_or(""));  // 1PUX has "" for none
        if (item.creation_at) CHECK(out.creation_at == item.creation_at);
        if (item.modified_at) CHECK(out.modified_at == item.modified_at);
        const auto urls = [](const Item& i) { return i.scope ? i.scope->urls : std::vector<std::string>(); };
        CHECK(urls(out) == urls(item));
    }
}

Vault read_cxf(std::string_view relative) {
    Report report;
    return test::read_fixture(relative, report);
}

}  // namespace

TEST_CASE("the CXF sample files come back from 1PUX value by value, passkeys reported lost", "[onepux][writer]") {
    struct Case {
        std::string_view file;
        std::vector<std::string> lost;
    };
    // The spec's sample gives the account a username besides its e-mail and name, and dates its collection.
    const std::vector<std::string> spec_lost = {"account:username", "attachment:example-document.pdf",
                                                "collection:Work Accounts", "passkey"};
    const Case cases[] = {
        {"cxf/apple-cxp-1password-account.json", {}},
        {"cxf/apple-cxp-dashlane-account.json", {}},
        {"cxf/spec-appendix-a-32-byte-hash.json", spec_lost},
        {"cxf/spec-appendix-a-ps-20250814.json", spec_lost},
        {"cxf/bitwarden-cxf_example-variant.json", spec_lost},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const Vault source = read_cxf(c.file);
        Report report, back_report;
        const Vault back = onepux_test::read_bytes(onepux_test::write(source, report), back_report);
        CHECK(lost_fields(report) == c.lost);
        check_items(source, back);
    }
}

TEST_CASE("each CXF credential type becomes its 1Password category, typed again when read back", "[onepux][writer]") {
    const Vault source = read_cxf("cxf/spec-appendix-a-ps-20250814.json");
    Report report, back_report;
    const Vault back = onepux_test::read_bytes(onepux_test::write(source, report), back_report);
    const auto type_names = [](const Item& item) {
        std::set<std::string> out;
        for (const Credential& c : item.credentials) out.emplace(credential_type(c));
        return out;
    };
    for (const Item& item : source.accounts[0].items) {
        CAPTURE(item.title);
        const auto before = type_names(item);
        const auto after = type_names(counterpart(back, item));
        for (const std::string_view kept : {"basic-auth", "totp", "note", "credit-card", "wifi", "passport", "drivers-license",
                                            "ssh-key", "api-key", "identity-document", "item-reference"})
            if (before.contains(std::string(kept))) CHECK(after.contains(std::string(kept)));
    }
}

TEST_CASE("the kitchen sink through 1PUX: typed members, bytes, history and what is lost by name", "[onepux][writer]") {
    Report read_report;
    Vault source = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, read_report);
    std::get<File>(source.accounts[0].items[1].credentials[0]).data = crypto::SecureBytes{'h', 'e', 'l', 'l', 'o'};
    Report report, back_report;
    const Vault back = onepux_test::read_bytes(onepux_test::write(source, report), back_report);

    // The passkey and the unknown credential type, the foreign extensions; in detail only: folders,
    // the account's username, the collection's dates.
    CHECK(lost_fields(report) == std::vector<std::string>{
                                     "account:username", "android apps", "collection:Work", "collection:Work/Nested",
                                     "credential:future-credential",
                                     "extension:exporter.example.com/account", "extension:exporter.example.com/color",
                                     "extension:exporter.example.com/hint", "extension:exporter.example.com/section",
                                     "extension:exporter.example.com/usage", "extension:shared", "extension:shared",
                                     "passkey"});
    check_items(source, back);

    const Item& login = by_title(back, "Login with everything");
    CHECK(value(only<BasicAuth>(login).username) == "jane");
    CHECK(value(only<BasicAuth>(login).password) == "p\u00e4ss \"w0rd\"\n");
    CHECK(only<Totp>(login).secret.view() == "JBSWY3DPEHPK3PXP");
    CHECK(only<Totp>(login).issuer == "Example");
    CHECK(value(only<Note>(login).content) == "line 1\nline 2");
    REQUIRE(login.history.size() == 1);
    CHECK(value(only<BasicAuth>(login.history[0]).password) == "old");
    CHECK(login.history[0].modified_at == 1690000000);
    const CustomFields& extra = onepux_test::custom_fields(login, "Extra");
    CHECK(onepux_test::fields_of(extra) ==
          std::vector<std::string>{"A=string:text", "B=concealed-string:hidden", "=email:a@example.com", "=string:42.5",
                                   "=string:true", "=date:2024-02-29", "=year-month:2027-08", "=string:wpa3-personal",
                                   "=string:DE", "=string:US-CA", "=string:#ff0000"});

    const Item& wallet = by_title(back, "Wallet and papers");
    const CreditCard& card = only<CreditCard>(wallet);
    CHECK(value(card.number) == "4111111111111111");
    CHECK(value(card.card_type) == "Visa");
    CHECK(value(card.verification_number) == "123");
    CHECK(card.expiry_date->type == FieldType::year_month);
    CHECK(value(card.expiry_date) == "2027-08");
    const File& file = only<File>(wallet);
    REQUIRE(file.data);
    CHECK(as_text(*file.data) == "hello");
    CHECK(file.name == "scan.pdf");
    const SshKey& key = only<SshKey>(wallet);
    CHECK(key.key_type == "ssh-ed25519");
    CHECK(key.key_comment == "jane@laptop");
    CHECK(key.private_key == std::get<SshKey>(source.accounts[0].items[1].credentials[10]).private_key);
    const ItemReference& reference = only<ItemReference>(wallet);
    CHECK(reference.reference.item == login.id);

    // Collections are vaults; the nested one is named by its path.
    std::vector<std::string> vaults;
    for (const Collection& c : back.accounts[0].collections) vaults.push_back(c.title);
    CHECK(vaults == std::vector<std::string>{"Work", "Work/Nested"});
}

TEST_CASE("items in no collection go into a personal vault named after the account", "[onepux][writer]") {
    Report report;
    Vault source = read_cxf("cxf/apple-cxp-dashlane-account.json");
    source.accounts[0].full_name = "Dana Dashlane";
    Report back_report;
    const Vault back = onepux_test::read_bytes(onepux_test::write(source, report), back_report);
    REQUIRE(back.accounts[0].collections.size() == 1);
    const Collection& personal = back.accounts[0].collections[0];
    CHECK(personal.title == "Dana Dashlane");
    CHECK(personal.items.size() == source.accounts[0].items.size());
    const json::ExtensionView extension(personal.extensions, "cxf.local/1password");
    CHECK(extension.string("type") == "P");
}

TEST_CASE("an item filed in two collections is in the first one's vault and the other is reported", "[onepux][writer]") {
    Report read_report;
    Vault source = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, read_report);
    Collection& nested = source.accounts[0].collections[0].sub_collections[0];
    nested.items.push_back(LinkedItem{source.accounts[0].items[1].id, std::nullopt});
    Report report, back_report;
    const Vault back = onepux_test::read_bytes(onepux_test::write(source, report), back_report);
    CHECK(onepux_test::count(report, NoticeKind::lost, "a 1Password item is in one vault; it is in 'Work' only") == 1);
    CHECK(back.accounts[0].collections[0].items.size() == 2);
    CHECK(back.accounts[0].collections[1].items.size() == 1);
}
