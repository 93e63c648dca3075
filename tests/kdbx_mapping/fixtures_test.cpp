// SPDX-License-Identifier: MIT
// Every sample in testdata/kdbx opens through the "kdbx" format with the credentials its
// PROVENANCE.md gives, and holds what PROVENANCE.md says: counts, titles, users, URLs, passkeys,
// TOTP, attachments, groups, the recycle bin.
#include <catch2/catch.hpp>

#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"
#include "tests/kdbx_mapping/mapping_support.h"
#include "tests/support/testdata.h"

using namespace test::kdbx_mapping;
using cxf::NoticeKind;

namespace {

// PROVENANCE.md's groups/entries/history/attachments seen through the model: the root group is the
// account, the recycle bin and what it holds are skipped (counted here in `skipped` entries).
struct Expected {
    const char* file;
    std::size_t collections, items, history, attachments, skipped;
};

const Expected expected[] = {
    {"pykeepass/test3.kdbx", 6, 15, 18, 6, 0},
    {"pykeepass/test3_transformed.kdbx", 5, 13, 11, 0, 0},
    {"pykeepass/test4.kdbx", 6, 15, 19, 3, 0},
    {"pykeepass/test4_aes.kdbx", 6, 2, 0, 0, 0},
    {"pykeepass/test4_aeskdf.kdbx", 6, 2, 0, 0, 0},
    {"pykeepass/test4_chacha20.kdbx", 6, 2, 0, 0, 0},
    {"pykeepass/test4_twofish.kdbx", 6, 2, 0, 0, 0},
    {"pykeepass/test4_argon2id.kdbx", 0, 0, 0, 0, 0},
    {"pykeepass/test4_blankpass.kdbx", 0, 0, 0, 0, 0},
    {"pykeepass/test4_hex.kdbx", 6, 3, 3, 0, 0},
    {"pykeepass/test4_keyx.kdbx", 0, 1, 0, 0, 0},
    {"pykeepass/test4_chacha20_uncompressed.kdbx", 0, 1, 0, 0, 0},
    {"pykeepass/test4_aes_uncompressed.kdbx", 0, 1, 0, 0, 0},
    {"pykeepass/extra_content.kdbx", 0, 0, 0, 0, 0},
    // 8 groups: root, 4 live, the recycle bin with 2 subgroups; 4 entries, one in the bin.
    {"kdbxweb/demo.kdbx", 4, 3, 2, 2, 1},
    {"kdbxweb/Argon2.kdbx", 4, 3, 2, 2, 1},
    {"kdbxweb/Argon2id.kdbx", 4, 3, 2, 2, 1},
    {"kdbxweb/Argon2ChaCha.kdbx", 4, 3, 2, 2, 1},
    {"kdbxweb/AesChaCha.kdbx", 4, 3, 2, 2, 1},
    {"kdbxweb/KDBX4.1.kdbx", 9, 3, 3, 0, 0},
    {"kdbxweb/Key32.kdbx", 6, 2, 0, 0, 0},
    {"kdbxweb/Key64.kdbx", 6, 2, 0, 0, 0},
    {"kdbxweb/KeyV2.kdbx", 6, 2, 0, 0, 0},
    {"kdbxweb/KeyWithBom.kdbx", 6, 2, 0, 0, 0},
    {"kdbxweb/EmptyPass.kdbx", 0, 2, 0, 0, 0},
    {"kdbxweb/EmptyPassWithKeyFile.kdbx", 0, 2, 0, 0, 0},
    {"kdbxweb/NoPassWithKeyFile.kdbx", 0, 2, 0, 0, 0},
    {"kdbxweb/cyrillic.kdbx", 6, 2, 1, 0, 0},
    {"kdbxweb/binkey.kdbx", 0, 1, 0, 0, 0},
    {"keepass-rs/test_db_with_password.kdbx", 3, 6, 3, 0, 0},
    {"keepass-rs/test_db_with_keyfile.kdbx", 0, 1, 0, 0, 0},
    {"keepass-rs/test_db_with_keyfile_xml.kdbx", 4, 6, 2, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_password_aes.kdbx", 0, 1, 3, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_password_argon2.kdbx", 0, 2, 0, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_password_argon2id.kdbx", 0, 2, 0, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_password_argon2_chacha20.kdbx", 0, 1, 0, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_password_argon2id_chacha20.kdbx", 0, 1, 0, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_password_argon2_twofish.kdbx", 0, 1, 0, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_keyfile.kdbx", 0, 1, 0, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_keyfile_v2.kdbx", 0, 1, 0, 0, 0},
    // 2 groups (root, bin) and 3 entries, one of them deleted.
    {"keepass-rs/test_db_kdbx4_with_password_deleted_entry.kdbx", 0, 2, 0, 0, 1},
    {"keepass-rs/test_db_kdbx41_with_password_aes.kdbx", 2, 4, 4, 0, 0},
    {"keepass-rs/test_db_kdbx41_features.kdbx", 1, 2, 0, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_totp_entry.kdbx", 0, 1, 2, 0, 0},
    {"keepass-rs/test_db_kdbx4_with_totp_sha512_entry.kdbx", 0, 1, 4, 0, 0},
    {"keepass-rs/test_db_kdbx3_with_chacha20_protected_fields.kdbx", 1, 1, 0, 0, 0},
    {"keepassxc/Format200.kdbx", 6, 1, 2, 3, 0},
    {"keepassxc/Format300.kdbx", 6, 1, 0, 0, 0},
    {"keepassxc/Format400.kdbx", 0, 1, 0, 1, 0},
    {"keepassxc/NewDatabase.kdbx", 7, 2, 8, 2, 0},
    {"keepassxc/Compressed.kdbx", 6, 1, 0, 0, 0},
    {"keepassxc/ProtectedStrings.kdbx", 0, 1, 1, 0, 0},
    {"keepassxc/NonAscii.kdbx", 0, 1, 0, 0, 0},
    {"keepassxc/FileKeyBinary.kdbx", 6, 0, 0, 0, 0},
    {"keepassxc/FileKeyHashed.kdbx", 6, 0, 0, 0, 0},
    {"keepassxc/FileKeyHex.kdbx", 6, 0, 0, 0, 0},
    {"keepassxc/FileKeyXml.kdbx", 6, 0, 0, 0, 0},
    {"keepassxc/FileKeyXmlV2.kdbx", 6, 0, 0, 0, 0},
    {"keepassxc/KeyFileProtected.kdbx", 0, 2, 0, 0, 0},
    {"keepassxc/KeyFileProtectedNoPassword.kdbx", 0, 2, 0, 0, 0},
    // 11 groups: root, 3 live, the bin with 6 subgroups; 11 entries, 6 in the bin with 5 history items.
    {"keepassxc/RecycleBinWithData.kdbx", 3, 5, 3, 0, 6},
    {"generated/passkeys-pykeepass.kdbx", 0, 6, 1, 2, 0},
    {"generated/passkeys-keepassxc-resaved.kdbx", 1, 6, 1, 2, 0},
};

std::string b64url(cxf::ByteView bytes) { return cxf::encoding::base64url_encode(bytes); }

const cxf::Vault& vault_of(std::string_view file) { return read_once(fixture(file)).vault; }

}  // namespace

TEST_CASE("every KDBX sample opens through the kdbx format and holds what its provenance says", "[kdbx-mapping]") {
    REQUIRE(std::size(expected) == fixtures().size());
    for (const Expected& e : expected) {
        CAPTURE(e.file);
        const Read& r = read_once(fixture(e.file));
        CHECK(r.vault.accounts.size() == 1);
        CHECK(collection_count(r.vault) == e.collections);
        CHECK(item_count(r.vault) == e.items);
        CHECK(history_count(r.vault) == e.history);
        CHECK(attachment_count(r.vault) == e.attachments);
        CHECK(r.report.count(NoticeKind::skipped) == e.skipped);
        CHECK(r.report.count(NoticeKind::lost) == 0);
    }
}

TEST_CASE("KeePassXC passkeys, current and legacy attribute names", "[kdbx-mapping]") {
    for (const char* file : {"generated/passkeys-pykeepass.kdbx", "generated/passkeys-keepassxc-resaved.kdbx"}) {
        CAPTURE(file);
        const cxf::Vault& v = vault_of(file);
        const cxf::Item& current = item(v, "webauthn.io (Passkey)");
        REQUIRE(all<cxf::Passkey>(current).size() == 1);
        const cxf::Passkey& p = *first<cxf::Passkey>(current);
        CHECK(p.rp_id == "webauthn.io");
        CHECK(p.username == "kara");
        CHECK(cxf::encoding::hex_encode(p.credential_id) == "9d455ea3d3557432147db490e2a076fe4a1e8aa39a9d87a5436def9af5118404");
        CHECK(cxf::encoding::hex_encode(p.user_handle) == "adfd4de4b4dfdba9631e67305d4ac49f");
        const auto key = cxf::crypto::inspect_pkcs8(p.key);
        REQUIRE(key);
        CHECK(key->algorithm == cxf::crypto::KeyAlgorithm::ec_p256);
        CHECK(current.tags == std::vector<std::string>{"Passkey"});
        CHECK(current.scope->urls == std::vector<std::string>{"https://webauthn.io"});
        // Consumed attributes (flags included) are not repeated as custom fields.
        CHECK(all<cxf::CustomFields>(current).empty());

        const cxf::Item& legacy = item(v, "example.com (Passkey) legacy names");
        REQUIRE(first<cxf::Passkey>(legacy));
        const cxf::Passkey& old = *first<cxf::Passkey>(legacy);
        CHECK(old.username == "bob");
        CHECK(cxf::encoding::hex_encode(old.credential_id) == "d6abe3efb7603353fb96cc30830de127b1602f9b45de62cca46ee11e0b6360f2");
        CHECK(std::string(old.user_handle.begin(), old.user_handle.end()) == "user-handle-2");
        CHECK(cxf::crypto::inspect_pkcs8(old.key)->algorithm == cxf::crypto::KeyAlgorithm::ed25519);
        CHECK(all<cxf::CustomFields>(legacy).empty());
    }
}

TEST_CASE("TOTP in KeePassXC's otp URI, KeePass 2.47's TimeOtp-* and the legacy seed/settings pair", "[kdbx-mapping]") {
    const cxf::Vault& v = vault_of("generated/passkeys-pykeepass.kdbx");
    struct Case {
        const char* title;
        std::uint16_t digits;
        const char* algorithm;
    };
    for (const Case& c : {Case{"TOTP KeePassXC otp URI", 6, "sha1"}, Case{"TOTP KeePass 2.47 TimeOtp", 8, "sha256"},
                          Case{"TOTP legacy KeePassXC seed/settings", 6, "sha1"}}) {
        CAPTURE(c.title);
        const cxf::Item& i = item(v, c.title);
        REQUIRE(all<cxf::Totp>(i).size() == 1);
        const cxf::Totp& t = *first<cxf::Totp>(i);
        CHECK(t.secret.view() == "JBSWY3DPEHPK3PXP");
        CHECK(t.period == 30);
        CHECK(t.digits == c.digits);
        CHECK(t.algorithm == c.algorithm);
        CHECK(all<cxf::CustomFields>(i).empty());
    }
    const cxf::Totp& uri = *first<cxf::Totp>(item(v, "TOTP KeePassXC otp URI"));
    CHECK(uri.username == "alice");

    const cxf::Item& sha512 = item(vault_of("keepass-rs/test_db_kdbx4_with_totp_sha512_entry.kdbx"), "sha512 totp");
    REQUIRE(first<cxf::Totp>(sha512));
    CHECK(first<cxf::Totp>(sha512)->algorithm == "sha512");
    CHECK(first<cxf::Totp>(sha512)->issuer == "sha512 totp");

    const cxf::Item& keepassxc = item(vault_of("keepass-rs/test_db_kdbx4_with_totp_entry.kdbx"), "this entry has totp");
    REQUIRE(first<cxf::Totp>(keepassxc));
    CHECK(first<cxf::Totp>(keepassxc)->secret.view() == "JBSWY3DPEHPK3PXP");
    CHECK(first<cxf::Totp>(keepassxc)->issuer == "KeePassXC");

    const cxf::Item& seed = item(vault_of("keepassxc/NewDatabase.kdbx"), "Sample Entry");
    REQUIRE(first<cxf::Totp>(seed));
    CHECK(first<cxf::Totp>(seed)->secret.view() == "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ");
    CHECK(first<cxf::Totp>(seed)->period == 30);
    CHECK(first<cxf::Totp>(seed)->digits == 6);
    CHECK(custom(seed, "TOTP Seed") == "<absent>");
    CHECK(custom(seed, "TOTP Settings") == "<absent>");
}

TEST_CASE("URL, KP2A_URL*, KeePassDX URL_n and AndroidApp go to the item's scope, attachments and history come along",
          "[kdbx-mapping]") {
    const cxf::Item& i = item(vault_of("generated/passkeys-pykeepass.kdbx"), "Multi-URL entry");
    REQUIRE(i.scope);
    CHECK(i.scope->urls == std::vector<std::string>{"https://a.example.com", "https://b.example.com",
                                                     "https://c.example.com", "https://d.example.com"});
    REQUIRE(i.scope->android_apps.size() == 1);
    CHECK(i.scope->android_apps[0].bundle_id == "com.example.app");
    CHECK(all<cxf::CustomFields>(i).empty());
    REQUIRE(all<cxf::File>(i).size() == 1);
    const cxf::File& f = *first<cxf::File>(i);
    CHECK(f.name == "hello.txt");
    REQUIRE(f.data);
    CHECK(cxf::as_text(*f.data) == "hello attachment\n");
    CHECK(f.decrypted_size == 17);
    CHECK(b64url(f.integrity_hash) == "KFLXJi8f1jOaQmVgEB1YQO31uJmbkOtrLuqGyLn34pg");
    CHECK(value(first<cxf::BasicAuth>(i)->password) == "pw-urls-v2");
    REQUIRE(i.history.size() == 1);
    CHECK(value(first<cxf::BasicAuth>(i.history[0])->password) == "pw-urls");
    CHECK(i.history[0].id == i.id);
    // File ids are unique across the item's versions.
    REQUIRE(first<cxf::File>(i.history[0]));
    CHECK(first<cxf::File>(i.history[0])->id != f.id);
}

TEST_CASE("custom strings become one custom-fields credential, protected ones concealed", "[kdbx-mapping]") {
    const cxf::Vault& demo = vault_of("kdbxweb/demo.kdbx");
    bool found = false;
    for (const cxf::Item& i : demo.accounts[0].items) {
        if (custom(i, "my field") == "<absent>") continue;
        found = true;
        const cxf::CustomFields& c = *first<cxf::CustomFields>(i);
        for (const cxf::EditableField& f : c.fields) {
            if (f.label == "my field") CHECK(f.type == cxf::FieldType::string);
            if (f.label == "my field protected") CHECK(f.type == cxf::FieldType::concealed_string);
        }
    }
    CHECK(found);

    const cxf::Item& sample = item(vault_of("keepassxc/NewDatabase.kdbx"), "Sample Entry");
    // Keys differ only in case: both kept.
    CHECK(custom(sample, "TestAttribute1") != "<absent>");
    CHECK(custom(sample, "testattribute1") != "<absent>");

    const cxf::Item& p = item(vault_of("keepassxc/ProtectedStrings.kdbx"), "Sample Entry");
    const cxf::CustomFields* c = first<cxf::CustomFields>(p);
    REQUIRE(c);
    for (const cxf::EditableField& f : c->fields) {
        if (f.label == "TestProtected") CHECK(f.type == cxf::FieldType::concealed_string);
        if (f.label == "TestUnprotected") CHECK(f.type == cxf::FieldType::string);
    }
}

TEST_CASE("groups become nested collections linking their entries, the recycle bin is skipped and kept", "[kdbx-mapping]") {
    const Read& r = read_once(fixture("keepassxc/RecycleBinWithData.kdbx"));
    for (const cxf::Notice& n : r.report.notices()) {
        if (n.kind != NoticeKind::skipped) continue;
        CHECK(n.message.find("recycle bin") != std::string::npos);
        CHECK(n.place.find("/Recycle Bin/") == 0);
    }
    const cxf::Account& a = r.vault.accounts[0];
    std::size_t linked = 0;
    std::function<void(const cxf::Collection&)> walk = [&](const cxf::Collection& c) {
        CHECK(c.title != "Recycle Bin");
        CHECK(c.id.size() == 16);
        for (const cxf::LinkedItem& l : c.items) {
            ++linked;
            CHECK(std::any_of(a.items.begin(), a.items.end(), [&](const cxf::Item& i) { return i.id == l.item; }));
        }
        for (const cxf::Collection& s : c.sub_collections) walk(s);
    };
    for (const cxf::Collection& c : a.collections) walk(c);
    CHECK(linked > 0);
    CHECK(linked <= a.items.size());

    const cxf::Vault& test3 = vault_of("pykeepass/test3.kdbx");
    bool nested = false;
    for (const cxf::Collection& c : test3.accounts[0].collections) nested = nested || !c.sub_collections.empty();
    CHECK(nested);
}

TEST_CASE("non-ASCII titles, users and passwords", "[kdbx-mapping]") {
    CHECK(item(vault_of("keepassxc/NonAscii.kdbx"), "秘密").title == "秘密");
    const cxf::Vault& cyrillic = vault_of("kdbxweb/cyrillic.kdbx");
    bool cyrillic_text = false;
    for (const cxf::Item& i : cyrillic.accounts[0].items)
        cyrillic_text = cyrillic_text || i.title.find("\xD0") != std::string::npos;
    CHECK(cyrillic_text);
}

TEST_CASE("items keep their KDBX times, tags and UUIDs", "[kdbx-mapping]") {
    const cxf::Vault& v = vault_of("keepass-rs/test_db_kdbx41_features.kdbx");
    for (const cxf::Item& i : v.accounts[0].items) {
        CHECK(i.id.size() == 16);
        CHECK(i.creation_at);
        CHECK(i.modified_at);
    }
    bool tagged = false;
    for (const cxf::Item& i : v.accounts[0].items)
        tagged = tagged || i.tags == std::vector<std::string>{"bank", "see", "who?"};
    CHECK(tagged);
}
