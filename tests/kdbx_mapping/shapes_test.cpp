// SPDX-License-Identifier: MIT
// Entry attributes in every shape KeePass apps write them (TOTP, passkeys, URLs), each read into the
// model and written back attribute for attribute; the shapes CXF cannot express stay custom fields
// and are reported.
#include <catch2/catch.hpp>

#include "cxf/crypto/keys.h"
#include "exporters/kdbx/write.h"
#include "importers/kdbx/read.h"
#include "tests/kdbx/database_diff.h"
#include "tests/kdbx_mapping/mapping_support.h"

using namespace test::kdbx_mapping;
using namespace cxf;

namespace {

struct Attr {
    const char* key;
    std::string value;
    bool protect = false;
};

const std::string pem =
    "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPGYLzucNk02lunpU5oU+ZhE2LOfNq8jfmxPbwHBqtsX\n-----END PRIVATE KEY-----\n";

kdbx::Database database_with(std::initializer_list<Attr> attrs) {
    kdbx::Database db;
    db.root.uuid = kdbx::Uuid{1};
    db.root.name = "Root";
    kdbx::Entry e;
    e.uuid = kdbx::Uuid{2};
    e.times.creation = e.times.last_modification = e.times.last_access = e.times.expiry = e.times.location_changed =
        kdbx::Time::from_unix(1700000000);
    e.strings.push_back({"Title", crypto::Secret("entry"), false});
    for (const Attr& a : attrs) e.strings.push_back({a.key, crypto::Secret(a.value), a.protect});
    db.root.entries.push_back(std::move(e));
    return db;
}

struct Outcome {
    Vault vault;
    Report report;
    std::vector<std::string> rewrite_diff;
};

Outcome map_both_ways(const kdbx::Database& db) {
    Outcome o;
    o.vault = kdbx_map::read_database(db, o.report);
    Report write_report;
    o.rewrite_diff = test::kdbx::database_diff(db, kdbx_map::to_database(o.vault, write_report, 1));
    CHECK_FALSE(write_report.has_losses());
    return o;
}

const Item& only_item(const Outcome& o) {
    REQUIRE(o.vault.accounts.size() == 1);
    REQUIRE(o.vault.accounts[0].items.size() == 1);
    return o.vault.accounts[0].items[0];
}

std::size_t changes(const Outcome& o, std::string_view about) {
    std::size_t n = 0;
    for (const Notice& notice : o.report.notices())
        if (notice.kind == NoticeKind::changed && notice.message.find(about) != std::string::npos) ++n;
    return n;
}

std::string diff_text(const Outcome& o) {
    std::string out;
    for (const std::string& d : o.rewrite_diff) out += d + "\n";
    return out;
}

}  // namespace

TEST_CASE("every TOTP shape reads into one totp credential and is written back as it was", "[kdbx-mapping]") {
    struct Case {
        const char* name;
        kdbx::Database db;
        const char* secret;
        std::uint16_t period, digits;
        const char* algorithm;
    };
    Case cases[] = {
        {"KeePassXC otp URI", database_with({{"otp", "otpauth://totp/Site:me?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Site", true}}),
         "JBSWY3DPEHPK3PXP", 30, 6, "sha1"},
        {"otp URI, percent-encoded padding", database_with({{"otp", "otpauth://totp/x?secret=GEZDGNBVGY%3D%3D%3D%3D%3D%3D&algorithm=SHA256", true}}),
         "GEZDGNBVGY======", 30, 6, "sha256"},
        {"KeeOtp in otp", database_with({{"otp", "key=JBSWY3DPEHPK3PXP&size=8&step=60&otpHashMode=SHA512", true}}),
         "JBSWY3DPEHPK3PXP", 60, 8, "sha512"},
        {"legacy seed + settings", database_with({{"TOTP Seed", "jbsw y3dp ehpk 3pxp", true}, {"TOTP Settings", "45;7"}}),
         "jbsw y3dp ehpk 3pxp", 45, 7, "sha1"},
        {"legacy seed alone", database_with({{"TOTP Seed", "JBSWY3DPEHPK3PXP", true}}), "JBSWY3DPEHPK3PXP", 30, 6, "sha1"},
        {"TimeOtp Base32", database_with({{"TimeOtp-Secret-Base32", "JBSWY3DPEHPK3PXP", true}, {"TimeOtp-Length", "8"},
                                          {"TimeOtp-Period", "60"}, {"TimeOtp-Algorithm", "HMAC-SHA-256"}}),
         "JBSWY3DPEHPK3PXP", 60, 8, "sha256"},
        {"TimeOtp hex", database_with({{"TimeOtp-Secret-Hex", "48656c6c6f21deadbeef", true}}), "JBSWY3DPEHPK3PXP", 30, 6, "sha1"},
        {"TimeOtp HEX", database_with({{"TimeOtp-Secret-Hex", "48656C6C6F21DEADBEEF", true}}), "JBSWY3DPEHPK3PXP", 30, 6, "sha1"},
        {"TimeOtp base64", database_with({{"TimeOtp-Secret-Base64", "SGVsbG8h3q2+7w==", true}}), "JBSWY3DPEHPK3PXP", 30, 6, "sha1"},
        {"TimeOtp UTF-8", database_with({{"TimeOtp-Secret", "Hello!", true}}), "JBSWY3DPEE", 30, 6, "sha1"},
        {"otp and TimeOtp of the same TOTP",
         database_with({{"otp", "otpauth://totp/?secret=JBSWY3DPEHPK3PXP", true}, {"TimeOtp-Secret-Base32", "JBSWY3DPEHPK3PXP", true}}),
         "JBSWY3DPEHPK3PXP", 30, 6, "sha1"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const Outcome o = map_both_ways(c.db);
        const Item& i = only_item(o);
        REQUIRE(all<Totp>(i).size() == 1);
        const Totp& t = *first<Totp>(i);
        CHECK(t.secret.view() == c.secret);
        CHECK(t.period == c.period);
        CHECK(t.digits == c.digits);
        CHECK(t.algorithm == c.algorithm);
        CHECK(all<CustomFields>(i).empty());
        CHECK(o.report.count(NoticeKind::changed) == 0);
        INFO(diff_text(o));
        CHECK(o.rewrite_diff.empty());
    }
}

TEST_CASE("TOTP shapes CXF cannot express stay custom fields and are reported", "[kdbx-mapping]") {
    const Outcome steam = map_both_ways(database_with({{"TOTP Seed", "JBSWY3DPEHPK3PXP", true}, {"TOTP Settings", "30;S"}}));
    CHECK(all<Totp>(only_item(steam)).empty());
    CHECK(custom(only_item(steam), "TOTP Seed") == "JBSWY3DPEHPK3PXP");
    CHECK(changes(steam, "Steam") == 1);
    CHECK(steam.rewrite_diff.empty());

    const Outcome steam_uri = map_both_ways(database_with({{"otp", "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&encoder=steam", true}}));
    CHECK(all<Totp>(only_item(steam_uri)).empty());
    CHECK(changes(steam_uri, "Steam") == 1);
    CHECK(steam_uri.rewrite_diff.empty());

    const Outcome hotp = map_both_ways(database_with({{"HmacOtp-Secret-Base32", "JBSWY3DPEHPK3PXP", true}, {"HmacOtp-Counter", "5"}}));
    CHECK(custom(only_item(hotp), "HmacOtp-Counter") == "5");
    CHECK(changes(hotp, "HOTP") == 1);
    CHECK(hotp.rewrite_diff.empty());

    const Outcome two = map_both_ways(
        database_with({{"TOTP Seed", "JBSWY3DPEHPK3PXP", true}, {"otp", "otpauth://totp/?secret=GEZDGNBVGY3TQOJQ", true}}));
    REQUIRE(all<Totp>(only_item(two)).size() == 1);
    CHECK(first<Totp>(only_item(two))->secret.view() == "JBSWY3DPEHPK3PXP");
    CHECK(custom(only_item(two), "otp") == "otpauth://totp/?secret=GEZDGNBVGY3TQOJQ");
    CHECK(changes(two, "second TOTP") == 1);
    CHECK(two.rewrite_diff.empty());

    const Outcome text = map_both_ways(database_with({{"otp", "my one-time pad", false}}));
    CHECK(custom(only_item(text), "otp") == "my one-time pad");
    CHECK(text.rewrite_diff.empty());
}

TEST_CASE("passkey attributes: legacy names, missing flags, and ones that make no passkey", "[kdbx-mapping]") {
    const Outcome legacy = map_both_ways(database_with({{"KPXC_PASSKEY_USERNAME", "bob"},
                                                        {"KPEX_PASSKEY_GENERATED_USER_ID", "Y3JlZA", true},
                                                        {"KPEX_PASSKEY_CREDENTIAL_ID", "Y3JlZA", true},
                                                        {"KPEX_PASSKEY_PRIVATE_KEY_PEM", pem, true},
                                                        {"KPEX_PASSKEY_RELYING_PARTY", "example.com"}}));
    REQUIRE(first<Passkey>(only_item(legacy)));
    CHECK(first<Passkey>(only_item(legacy))->username == "bob");
    CHECK(first<Passkey>(only_item(legacy))->user_handle.empty());
    CHECK(all<CustomFields>(only_item(legacy)).empty());
    INFO(diff_text(legacy));
    CHECK(legacy.rewrite_diff.empty());

    const Outcome broken = map_both_ways(database_with({{"KPEX_PASSKEY_PRIVATE_KEY_PEM", "not a key", true},
                                                        {"KPEX_PASSKEY_CREDENTIAL_ID", "Y3JlZA", true},
                                                        {"KPEX_PASSKEY_RELYING_PARTY", "example.com"}}));
    CHECK(all<Passkey>(only_item(broken)).empty());
    CHECK(custom(only_item(broken), "KPEX_PASSKEY_RELYING_PARTY") == "example.com");
    CHECK(changes(broken, "PKCS#8") == 1);
    CHECK(broken.rewrite_diff.empty());

    const Outcome partial = map_both_ways(database_with({{"KPEX_PASSKEY_RELYING_PARTY", "example.com"}}));
    CHECK(changes(partial, "missing") == 1);
    CHECK(partial.rewrite_diff.empty());
}

TEST_CASE("additional URLs in any KeePass spelling come back under their own keys", "[kdbx-mapping]") {
    const Outcome o = map_both_ways(database_with({{"URL", ""}, {"KP2A_URL_3", "https://three.example"},
                                                   {"URL_1", "https://dx.example"}, {"KP2A_URL", "https://plain.example"},
                                                   {"AndroidApp_2", "androidapp://com.example.x"}}));
    const Item& i = only_item(o);
    REQUIRE(i.scope);
    CHECK(i.scope->urls == std::vector<std::string>{"https://three.example", "https://dx.example", "https://plain.example"});
    REQUIRE(i.scope->android_apps.size() == 1);
    CHECK(i.scope->android_apps[0].bundle_id == "com.example.x");
    INFO(diff_text(o));
    CHECK(o.rewrite_diff.empty());
}

TEST_CASE("attributes of a laid-out credential edited in KeePass are read as they are now", "[kdbx-mapping]") {
    Vault v;
    Account& a = v.accounts.emplace_back();
    a.id = Id(16, 7);
    Item& item = a.items.emplace_back();
    item.id = Id(16, 8);
    item.title = "keys";
    item.creation_at = item.modified_at = 1700000000;
    SshKey key;
    key.key_type = "ssh-ed25519";
    const auto der = crypto::pkcs8_pem_to_der(pem);
    REQUIRE(der);
    key.private_key = *der;
    item.credentials.emplace_back(std::move(key));
    CreditCard card;
    card.number = make_field(FieldType::concealed_string, "4111111111111111");
    card.expiry_date = make_field(FieldType::year_month, "2027-08");
    item.credentials.emplace_back(std::move(card));

    Report report;
    kdbx::Database db = kdbx_map::to_database(v, report, 1700000000);
    kdbx::Entry& e = db.root.entries.at(0);
    for (kdbx::StringField& s : e.strings) {
        if (s.key == "SSH Private Key") s.value = crypto::Secret("pasted over");
        if (s.key == "Card Number") s.value = crypto::Secret("5500000000000004");
    }
    std::erase_if(e.strings, [](const kdbx::StringField& s) { return s.key == "Card Expiry Date"; });
    e.strings.push_back({"Added in KeePass", crypto::Secret("new"), false});

    Report read_report;
    const Vault back = kdbx_map::read_database(db, read_report);
    const Item& i = back.accounts.at(0).items.at(0);
    CHECK(all<SshKey>(i).empty());
    REQUIRE(first<CreditCard>(i));
    CHECK(value(first<CreditCard>(i)->number) == "5500000000000004");
    CHECK_FALSE(first<CreditCard>(i)->expiry_date);
    CHECK(custom(i, "SSH Private Key") == "pasted over");
    CHECK(custom(i, "Added in KeePass") == "new");
    REQUIRE(read_report.count(NoticeKind::changed) == 1);
    CHECK(read_report.notices().front().message.find("SSH Private Key") != std::string::npos);
}
