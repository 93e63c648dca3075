// SPDX-License-Identifier: MIT
// What the Bitwarden writers report as lost agrees with their `carries` masks (the kitchen-sink vault
// holds every feature), and what CXF items Bitwarden cannot type becomes.
#include <catch2/catch.hpp>

#include <set>

#include "cxf/bitwarden/guid.h"
#include "cxf/crypto/openssh.h"
#include "cxf/cxf_json/cxf_json.h"
#include "cxf/formats/registry.h"
#include "cxf/model/split.h"
#include "exporters/bitwarden_json/write.h"
#include "tests/bitwarden/support.h"
#include "tests/cxf_json/kitchen_sink.h"

using namespace cxf;
using bwtest::at;

namespace {

Vault kitchen_sink() {
    Report report;
    return cxf_json::read(test::kitchen_sink_cxf, "sink", {}, report);
}

// The feature a lost field belongs to; empty for losses inside a feature the format carries (an
// Android app's certificate, passkey extension data) or outside every feature (generated
// passwords, item references), which the test lists one by one.
std::optional<Feature> feature_of(std::string_view field) {
    static const std::pair<std::string_view, Feature> table[] = {
        {"attachment:", Feature::attachments},
        {"tags", Feature::tags},
        {"extension:", Feature::unknown_data},
        {"credential:future-credential", Feature::unknown_data},
        {"credential:wifi", Feature::wifi},
        {"credential:api-key", Feature::api_keys},
        {"credential:credit-card", Feature::cards},
        {"credential:address", Feature::identities},
        {"credential:person-name", Feature::identities},
        {"credential:identity-document", Feature::identities},
        {"credential:passport", Feature::identities},
        {"credential:drivers-license", Feature::identities},
        {"credential:ssh-key", Feature::ssh_keys},
        {"passkey", Feature::passkeys},
        {"totp", Feature::totp},
        {"history", Feature::history},
        {"timestamps", Feature::timestamps},
        {"collection:", Feature::folders},
        {"custom-field:", Feature::custom_fields},
    };
    for (const auto& [prefix, feature] : table)
        if (field == prefix || (prefix.ends_with(':') && field.starts_with(prefix))) return feature;
    return std::nullopt;
}

struct Losses {
    Features features = 0;
    std::set<std::string> other;
};

Losses losses(const Report& report) {
    Losses out;
    for (const Notice& n : report.notices()) {
        if (n.kind != NoticeKind::lost) continue;
        if (const auto f = feature_of(n.field)) out.features |= Features(*f);
        else out.other.insert(n.field);
    }
    return out;
}

}  // namespace

TEST_CASE("Bitwarden writers report lost exactly the features their carries mask leaves out", "[bitwarden][losses]") {
    const Vault sink = kitchen_sink();
    const auto [format_id, other] = GENERATE(table<std::string_view, std::set<std::string>>({
        {"bitwarden", {"android-app:com.example.app", "fido2-extensions", "credential:generated-password",
                       "credential:item-reference"}},
        {"bitwarden-csv", {"android-app:com.example.app", "credential:generated-password", "credential:item-reference"}},
    }));
    CAPTURE(format_id);
    Report report;
    bwtest::write(format_id, sink, report);
    const Losses lost = losses(report);
    CHECK(lost.features == (all_features & ~find_format(format_id)->carries));
    CHECK(lost.other == other);
}

TEST_CASE("a CXF item with several kinds of credential becomes one Bitwarden item per kind", "[bitwarden][losses]") {
    const Vault sink = kitchen_sink();
    Report report;
    const std::string out = bwtest::write("bitwarden", sink, report);
    const bwtest::Json doc(out);
    // Items: the login; the wallet as card, identity and SSH key; the empty item as a secure note.
    std::vector<std::uint64_t> types;
    std::vector<std::string> names;
    for (const json::Cursor item : at(doc.root(), "items").elements()) {
        types.push_back(at(item, "type").uint64());
        names.emplace_back(at(item, "name").string());
    }
    CHECK(types == std::vector<std::uint64_t>{1, 3, 4, 5, 2});
    CHECK(names == std::vector<std::string>{"Login with everything", "Wallet and papers", "Wallet and papers",
                                            "Wallet and papers", ""});
    CHECK(bwtest::has_message(report, NoticeKind::changed, "written as 3 Bitwarden items"));

    const json::Cursor card = at(doc.root(), "items/1");
    CHECK(at(card, "card/expMonth").string() == "8");
    CHECK(at(card, "card/expYear").string() == "2027");
    CHECK(at(card, "folderId").string() == at(doc.root(), "folders/0/id").string());  // filed in "Work"
    const json::Cursor identity = at(doc.root(), "items/2");
    CHECK(at(identity, "identity/address1").string() == "1 Main St");
    CHECK(at(identity, "identity/address2").string() == "Apt 2");
    CHECK(at(identity, "identity/ssn").string() == "123-45-6789");
    CHECK(at(identity, "identity/passportNumber").string() == "P123");
    CHECK(at(identity, "identity/licenseNumber").string() == "D123");
    CHECK(at(identity, "identity/middleName").string() == "Q");
    std::set<std::string> identity_fields;
    for (const json::Cursor f : at(identity, "fields").elements()) identity_fields.emplace(at(f, "name").string());
    CHECK(identity_fields.contains("passport.issuingAuthority"));
    CHECK(identity_fields.contains("person-name.givenInformal"));
    const json::Cursor ssh = at(doc.root(), "items/3");
    CHECK(std::string_view(at(ssh, "sshKey/publicKey").string()).starts_with("ssh-ed25519 AAAA"));
    CHECK(std::string_view(at(ssh, "sshKey/keyFingerprint").string()).starts_with("SHA256:"));
    const auto parsed = crypto::parse_openssh_private_key(at(ssh, "sshKey/privateKey").string());
    REQUIRE(parsed.key);
    CHECK(parsed.key->comment == "jane@laptop");
    CHECK(crypto::equal_ct(parsed.key->pkcs8, bwtest::only<SshKey>(sink.accounts[0].items[1]).private_key));
    // The login keeps its passkey and TOTP, and the history's password.
    const json::Cursor login = at(doc.root(), "items/0");
    CHECK(at(login, "login/fido2Credentials/0/credentialId").string() == "b64.Y3JlZGVudGlhbElkRXhhbXBsZQ");
    CHECK(at(login, "login/totp").string() == "otpauth://totp/Example:jane?secret=JBSWY3DPEHPK3PXP&issuer=Example");
    CHECK(at(login, "passwordHistory/0/password").string() == "old");
    CHECK(at(login, "login/uris/1/uri").string() == "androidapp://com.example.app");
}

TEST_CASE("split parts are Bitwarden exports of at most N items with the folders they use", "[bitwarden]") {
    Report report;
    Vault v = bwtest::read("bitwarden/pass-import-bitwarden.json", report);  // 14 items, 6 folders
    const std::vector<Vault> parts = split(std::move(v), 5);
    REQUIRE(parts.size() == 3);
    std::size_t items = 0;
    std::set<std::string> ids, all_folders;
    for (std::size_t part = 0; part < parts.size(); ++part) {
        CAPTURE(part);
        Report pr;
        const std::string out = bwtest::write("bitwarden", parts[part], pr);
        Report back_report;
        const Vault back = bwtest::read_text("bitwarden", out, back_report);
        const auto& part_items = back.accounts.at(0).items;
        CHECK(part_items.size() == (part < 2 ? 5u : 4u));
        items += part_items.size();
        for (const Item& item : part_items) ids.insert(bitwarden::format_guid(item.id));
        // Every item keeps its folder: each folder id an item names is in this part's folders.
        const bwtest::Json doc(out);
        std::set<std::string> folders;
        for (const json::Cursor f : at(doc.root(), "folders").elements()) {
            folders.emplace(at(f, "id").string());
            all_folders.emplace(at(f, "name").string());
        }
        for (const json::Cursor item : at(doc.root(), "items").elements())
            if (const auto folder = item.find("folderId"); folder && folder->is_string()) CHECK(folders.contains(std::string(folder->string())));
    }
    CHECK(all_folders.size() == 6);  // folders no item uses go into the first part
    CHECK(items == 14);
    CHECK(ids.size() == 14);
}

TEST_CASE("an export over Bitwarden's 7000-item import limit is written with a warning", "[bitwarden]") {
    Vault v;
    v.accounts.emplace_back();
    for (std::size_t i = 0; i <= bitwarden_json::import_item_limit; ++i) {
        Item item;
        item.id = Id{static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i)};
        item.title = "note";
        v.accounts[0].items.push_back(std::move(item));
    }
    Report report;
    bwtest::write("bitwarden", v, report);
    CHECK(bwtest::has_message(report, NoticeKind::finding, "at most 7000 items"));
    CHECK(bwtest::has_message(report, NoticeKind::finding, "{split} 7000"));  // the option, named for the CLI to render
}
