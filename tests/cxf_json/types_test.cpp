// SPDX-License-Identifier: MIT
// Every credential type and member, unknown types and extensions: read, written back unchanged.
#include <catch2/catch.hpp>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/error.h"
#include "cxf/model/credential_fields.h"
#include "cxf/validate/validate.h"
#include "tests/cxf_json/kitchen_sink.h"
#include "tests/support/json_diff.h"

using namespace cxf;

namespace {

Vault read_sink(Report& report) { return cxf_json::read(test::kitchen_sink_cxf, "sink.cxf", {}, report); }

template <typename T>
const T& find(const Item& item) {
    for (const Credential& c : item.credentials)
        if (const T* t = std::get_if<T>(&c)) return *t;
    FAIL("missing credential " << T::type_name);
    throw std::logic_error("unreachable");
}

// The kitchen sink fills every EditableField member of every type it has.
template <typename T>
void all_members_set(const Item& item) {
    const T& credential = find<T>(item);
    for (const FieldMember<T>& spec : field_members<T>()) {
        CAPTURE(T::type_name, spec.name);
        REQUIRE(credential.*spec.member);
        CHECK_FALSE((credential.*spec.member)->value.empty());
        CHECK((credential.*spec.member)->type == spec.expected);
    }
}

}  // namespace

TEST_CASE("every credential type and member is read", "[cxf][types]") {
    Report report;
    const Vault v = read_sink(report);
    REQUIRE(v.accounts.size() == 1);
    const Account& a = v.accounts[0];
    REQUIRE(a.items.size() == 3);
    const Item& login = a.items[0];
    const Item& wallet = a.items[1];

    CHECK(login.favorite);
    REQUIRE(login.scope);
    REQUIRE(login.scope->android_apps.size() == 1);
    CHECK(login.scope->android_apps[0].bundle_id == "com.example.app");
    CHECK(login.scope->android_apps[0].certificate->hash_alg == "sha256");
    CHECK(login.scope->android_apps[0].certificate->fingerprint.size() == 32);
    CHECK(login.scope->android_apps[0].name == "Example");

    all_members_set<BasicAuth>(login);
    CHECK(find<BasicAuth>(login).password->value.view() == "p\xC3\xA4ss \"w0rd\"\n");
    CHECK(find<BasicAuth>(login).username->id == Id{'f', 'i', 'e', 'l', 'd', '-', 'u', 's', 'e', 'r'});
    REQUIRE(find<BasicAuth>(login).username->extensions.size() == 1);
    CHECK(extension_name(find<BasicAuth>(login).username->extensions[0]) == "exporter.example.com/hint");

    const Totp& totp = find<Totp>(login);
    CHECK(totp.username == "jane");
    CHECK(totp.issuer == "Example");

    const Passkey& passkey = find<Passkey>(login);
    CHECK(passkey.user_display_name == "Jane Doe");
    CHECK(std::string(passkey.user_handle.begin(), passkey.user_handle.end()) == "user-handle");
    REQUIRE(passkey.fido2_extensions);
    CHECK(passkey.fido2_extensions->hmac_credentials->cred_with_uv.size() == 32);
    CHECK(passkey.fido2_extensions->hmac_credentials->cred_without_uv.size() == 32);
    CHECK(passkey.fido2_extensions->cred_blob->size() == 4);
    CHECK(passkey.fido2_extensions->large_blob->uncompressed_size == 11);
    CHECK(passkey.fido2_extensions->payments == true);

    all_members_set<Note>(login);
    const auto& unknown = std::get<UnknownCredential>(login.credentials[4]);
    CHECK(unknown.type == "future-credential");

    const CustomFields& custom = find<CustomFields>(login);
    CHECK(custom.label == "Extra");
    REQUIRE(custom.fields.size() == 11);
    for (std::size_t i = 0; i < 10; ++i) CHECK(custom.fields[i].type == static_cast<FieldType>(i));
    CHECK(custom.fields[10].type == FieldType::other);
    CHECK(custom.fields[10].type_name() == "x-exporter-color");

    REQUIRE(login.extensions.size() == 2);
    const auto& shared = std::get<SharedExtension>(login.extensions[0]);
    CHECK(shared.accessors[0].permissions == std::vector<std::string>{"read", "update", "share"});
    REQUIRE(login.history.size() == 1);
    CHECK(login.history[0].title == "Login (old)");

    const File& file = find<File>(wallet);
    CHECK(file.name == "scan.pdf");
    CHECK(file.decrypted_size == 5);
    CHECK(file.integrity_hash.size() == 32);
    CHECK_FALSE(file.data);
    all_members_set<CreditCard>(wallet);
    all_members_set<Address>(wallet);
    all_members_set<ApiKey>(wallet);
    all_members_set<DriversLicense>(wallet);
    CHECK(find<GeneratedPassword>(wallet).password.view() == "Xk9#mP2$");
    all_members_set<IdentityDocument>(wallet);
    CHECK(find<ItemReference>(wallet).reference.account);
    all_members_set<Passport>(wallet);
    all_members_set<PersonName>(wallet);
    all_members_set<SshKey>(wallet);
    CHECK(find<SshKey>(wallet).key_comment == "jane@laptop");
    all_members_set<Wifi>(wallet);

    REQUIRE(a.collections.size() == 1);
    CHECK(a.collections[0].sub_collections.size() == 1);
    CHECK(a.collections[0].items[1].account == std::nullopt);
    CHECK(a.extensions.size() == 1);

    // Each credential type is known exactly once; nothing was reported as dropped.
    for (const Notice& n : report.notices()) CHECK(n.message.find("ignored") == std::string::npos);
}

TEST_CASE("CXF → CXF writes every type, member, unknown type and extension back unchanged", "[cxf][types][roundtrip]") {
    Report report;
    const Vault v = read_sink(report);
    Report write_report;
    const auto out = cxf_json::write(v, {}, write_report);
    CHECK(write_report.notices().empty());
    const auto diffs = test::json_diff(test::kitchen_sink_cxf, as_text(out));
    CHECK(test::to_string(diffs) == "");

    cxf_json::WriteSettings compact;
    compact.pretty = false;
    const auto one_line = cxf_json::write(v, compact, write_report);
    CHECK(std::count(one_line.begin(), one_line.end(), '\n') == 1);
    CHECK(test::to_string(test::json_diff(test::kitchen_sink_cxf, as_text(one_line))) == "");
}

TEST_CASE("the kitchen sink is valid CXF", "[cxf][types][validate]") {
    Report report;
    const Vault v = read_sink(report);
    validate(v, report);
    for (const Notice& n : report.notices()) {
        CAPTURE(n.place, n.message);
        CHECK(n.severity != Severity::error);
    }
}

TEST_CASE("attachment bytes are reported lost by the CXF JSON writer", "[cxf][types]") {
    Report report;
    Vault v = read_sink(report);
    auto& file = std::get<File>(v.accounts[0].items[1].credentials[0]);
    file.data = crypto::SecureBytes{'h', 'e', 'l', 'l', 'o'};
    Report write_report;
    cxf_json::write(v, {}, write_report);
    REQUIRE(write_report.count(NoticeKind::lost) == 1);
    const Notice& lost = write_report.notices()[0];
    CHECK(lost.field == "attachment:scan.pdf");
    CHECK(lost.item == "Wallet and papers");
    CHECK(lost.place == "/accounts/0/items/1/credentials/0");
}

TEST_CASE("a vault built in code is written as strict CXF", "[cxf][types]") {
    Vault v;
    Account& a = v.accounts.emplace_back();
    a.id = {1, 2, 3};
    Item& item = a.items.emplace_back();
    item.id = {0xfb, 0xff};
    item.title = "Built";
    BasicAuth auth;
    auth.username = make_field(FieldType::string, "me");
    item.credentials.emplace_back(std::move(auth));
    Totp totp;
    totp.secret = crypto::Secret("jbsw y3dp ehpk 3pxp===");
    item.credentials.emplace_back(std::move(totp));
    item.creation_at = -5;

    cxf_json::WriteSettings settings;
    settings.now = 1700000000;
    Report report;
    const auto out = cxf_json::write(v, settings, report);
    const std::string text(out.begin(), out.end());
    CHECK_THAT(text, Catch::Contains(R"("version": {)"));
    CHECK_THAT(text, Catch::Contains(R"("major": 1)"));
    CHECK_THAT(text, Catch::Contains(R"("exporterRpId": "cxf.local")"));
    CHECK_THAT(text, Catch::Contains(R"("timestamp": 1700000000)"));
    CHECK_THAT(text, Catch::Contains(R"("id": "-_8")"));                   // unpadded base64url
    CHECK_THAT(text, Catch::Contains(R"("secret": "JBSWY3DPEHPK3PXP")"));  // canonical base32
    CHECK_THAT(text, Catch::Contains(R"("collections": [])"));             // required arrays present
    CHECK(text.find("\"tags\"") == std::string::npos);                      // empty optional arrays left out
    CHECK(text.find("\"favorite\"") == std::string::npos);
    CHECK(text.find("creationAt") == std::string::npos);                    // no dates before 1970
    CHECK(report.count(NoticeKind::lost) == 1);
    CHECK(report.count(NoticeKind::changed) == 1);
}

TEST_CASE("text that is not UTF-8 is refused by the writer with its place", "[cxf][types]") {
    Vault v;
    Account& a = v.accounts.emplace_back();
    a.id = {1};
    Item& item = a.items.emplace_back();
    item.id = {2};
    item.title = "bad \xC3\x28";
    Report report;
    try {
        cxf_json::write(v, {}, report);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid);
        CHECK(e.where().place == "/accounts/0/items/0");
    }
}
