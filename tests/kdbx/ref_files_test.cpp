// SPDX-License-Identifier: MIT
// Every sample file in testdata/kdbx/ opens with the credentials its PROVENANCE.md gives, holds what
// it says, and survives open → save → open unchanged.
#include <catch2/catch.hpp>

#include "tests/kdbx/database_diff.h"
#include "tests/kdbx/kdbx_support.h"

using namespace test::kdbx;

namespace {

struct Sample {
    const char* file;
    Credentials credentials;
    FormatVersion version;
    Cipher cipher;
    Kdf kdf;
    Counts counts;
};

// Counts as PROVENANCE.md lists them (groups/entries/history items/attachment references); the rows
// it leaves empty were counted with keepassxc-cli 2.7.4 `ls -R`.
const Sample samples[] = {
    {"pykeepass/test3.kdbx",
     {"password", "pykeepass/test3.key"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 15, 18, 6}},
    {"pykeepass/test3_transformed.kdbx",
     {"password", "pykeepass/test3.key"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {6, 13, 11, 0}},
    {"pykeepass/test4.kdbx",
     {"password", "pykeepass/test4.key"},
     {4, 0},
     Cipher::chacha20,
     Kdf::argon2d,
     {7, 15, 19, 3}},
    {"pykeepass/test4_aes.kdbx",
     {"password", "pykeepass/test4.key"},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {7, 2, 0, 0}},
    {"pykeepass/test4_aeskdf.kdbx",
     {"password", "pykeepass/test4.key"},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 2, 0, 0}},
    {"pykeepass/test4_chacha20.kdbx",
     {"password", "pykeepass/test4.key"},
     {4, 0},
     Cipher::chacha20,
     Kdf::argon2d,
     {7, 2, 0, 0}},
    {"pykeepass/test4_twofish.kdbx",
     {"password", "pykeepass/test4.key"},
     {4, 0},
     Cipher::twofish_cbc,
     Kdf::argon2d,
     {7, 2, 0, 0}},
    {"pykeepass/test4_argon2id.kdbx", {"password", {}}, {4, 0}, Cipher::aes256_cbc, Kdf::argon2id, {1, 0, 0, 0}},
    {"pykeepass/test4_blankpass.kdbx",
     {"", "pykeepass/test4.key"},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 0, 0, 0}},
    {"pykeepass/test4_hex.kdbx",
     {"password", "pykeepass/test4_hex.key"},
     {4, 0},
     Cipher::chacha20,
     Kdf::argon2d,
     {7, 3, 3, 0}},
    {"pykeepass/test4_keyx.kdbx",
     {"password", "pykeepass/test4_keyx.keyx"},
     {4, 0},
     Cipher::chacha20,
     Kdf::argon2d,
     {1, 1, 0, 0}},
    {"pykeepass/test4_chacha20_uncompressed.kdbx",
     {"password", {}},
     {4, 0},
     Cipher::chacha20,
     Kdf::argon2d,
     {1, 1, 0, 0}},
    {"pykeepass/test4_aes_uncompressed.kdbx", {"password", {}}, {4, 0}, Cipher::aes256_cbc, Kdf::argon2d, {1, 1, 0, 0}},
    {"pykeepass/extra_content.kdbx", {"password", {}}, {4, 0}, Cipher::aes256_cbc, Kdf::argon2d, {1, 0, 0, 0}},
    {"kdbxweb/demo.kdbx", {"demo", "kdbxweb/demo.key"}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {8, 4, 2, 2}},
    {"kdbxweb/Argon2.kdbx", {"demo", "kdbxweb/demo.key"}, {4, 0}, Cipher::aes256_cbc, Kdf::argon2d, {8, 4, 2, 2}},
    {"kdbxweb/Argon2id.kdbx", {"demo", "kdbxweb/demo.key"}, {4, 0}, Cipher::aes256_cbc, Kdf::argon2id, {8, 4, 2, 2}},
    {"kdbxweb/Argon2ChaCha.kdbx", {"demo", "kdbxweb/demo.key"}, {4, 0}, Cipher::chacha20, Kdf::argon2d, {8, 4, 2, 2}},
    {"kdbxweb/AesChaCha.kdbx", {"demo", "kdbxweb/demo.key"}, {3, 1}, Cipher::chacha20, Kdf::aes_kdf, {8, 4, 2, 2}},
    {"kdbxweb/KDBX4.1.kdbx", {"test", {}}, {4, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {10, 3, 3, 0}},
    {"kdbxweb/Key32.kdbx", {"test", "kdbxweb/Key32.key"}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {7, 2, 0, 0}},
    {"kdbxweb/Key64.kdbx", {"test", "kdbxweb/Key64.key"}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {7, 2, 0, 0}},
    {"kdbxweb/KeyV2.kdbx", {{}, "kdbxweb/KeyV2.keyx"}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {7, 2, 0, 0}},
    {"kdbxweb/KeyWithBom.kdbx",
     {"test", "kdbxweb/KeyWithBom.key"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 2, 0, 0}},
    {"kdbxweb/EmptyPass.kdbx", {"", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {2, 2, 0, 0}},
    {"kdbxweb/EmptyPassWithKeyFile.kdbx",
     {"", "kdbxweb/EmptyPassWithKeyFile.key"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {2, 2, 0, 0}},
    {"kdbxweb/NoPassWithKeyFile.kdbx",
     {{}, "kdbxweb/NoPassWithKeyFile.key"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {2, 2, 0, 0}},
    {"kdbxweb/cyrillic.kdbx", {"пароль", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {7, 2, 1, 0}},
    {"kdbxweb/binkey.kdbx", {"test", "kdbxweb/binkey.key"}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {1, 1, 0, 0}},
    {"keepass-rs/test_db_with_password.kdbx", {"demopass", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {5, 6, 3, 0}},
    {"keepass-rs/test_db_with_keyfile.kdbx",
     {{}, "keepass-rs/test_key.key"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {1, 1, 0, 0}},
    {"keepass-rs/test_db_with_keyfile_xml.kdbx",
     {{}, "keepass-rs/test_key_xml.key"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {5, 6, 2, 0}},
    {"keepass-rs/test_db_kdbx4_with_password_aes.kdbx",
     {"demopass", {}},
     {4, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {1, 1, 3, 0}},
    {"keepass-rs/test_db_kdbx4_with_password_argon2.kdbx",
     {"demopass", {}},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 2, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_password_argon2id.kdbx",
     {"demopass", {}},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2id,
     {1, 2, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_password_argon2_chacha20.kdbx",
     {"demopass", {}},
     {4, 0},
     Cipher::chacha20,
     Kdf::argon2d,
     {1, 1, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_password_argon2id_chacha20.kdbx",
     {"demopass", {}},
     {4, 0},
     Cipher::chacha20,
     Kdf::argon2id,
     {1, 1, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_password_argon2_twofish.kdbx",
     {"demopass", {}},
     {4, 0},
     Cipher::twofish_cbc,
     Kdf::argon2d,
     {1, 1, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_keyfile.kdbx",
     {{}, "keepass-rs/test_key.key"},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 1, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_keyfile_v2.kdbx",
     {"demopass", "keepass-rs/test_db_kdbx4_with_keyfile_v2.keyx"},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 1, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_password_deleted_entry.kdbx",
     {"demopass", {}},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {2, 3, 0, 0}},
    {"keepass-rs/test_db_kdbx41_with_password_aes.kdbx",
     {"demopass", {}},
     {4, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {3, 4, 4, 0}},
    {"keepass-rs/test_db_kdbx41_features.kdbx",
     {"demopass", {}},
     {4, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {2, 2, 0, 0}},
    {"keepass-rs/test_db_kdbx4_with_totp_entry.kdbx",
     {"test", {}},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 1, 2, 0}},
    {"keepass-rs/test_db_kdbx4_with_totp_sha512_entry.kdbx",
     {"test", {}},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 1, 4, 0}},
    {"keepass-rs/test_db_kdbx3_with_chacha20_protected_fields.kdbx",
     {"password", {}},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {2, 1, 0, 0}},
    {"keepassxc/Format200.kdbx", {"a", {}}, {2, 0}, Cipher::aes256_cbc, Kdf::aes_kdf, {7, 1, 2, 3}},
    {"keepassxc/Format300.kdbx", {"a", {}}, {3, 0}, Cipher::aes256_cbc, Kdf::aes_kdf, {7, 1, 0, 0}},
    {"keepassxc/Format400.kdbx", {"t", {}}, {4, 0}, Cipher::chacha20, Kdf::argon2d, {1, 1, 0, 1}},
    {"keepassxc/NewDatabase.kdbx", {"a", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {8, 2, 8, 2}},
    {"keepassxc/Compressed.kdbx", {"", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {7, 1, 0, 0}},
    {"keepassxc/ProtectedStrings.kdbx", {"masterpw", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {1, 1, 1, 0}},
    {"keepassxc/NonAscii.kdbx", {"Δöض", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {1, 1, 0, 0}},
    {"keepassxc/FileKeyBinary.kdbx",
     {{}, "keepassxc/FileKeyBinary.key"},
     {2, 4},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 0, 0, 0}},
    {"keepassxc/FileKeyHashed.kdbx",
     {{}, "keepassxc/FileKeyHashed.key"},
     {2, 4},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 0, 0, 0}},
    {"keepassxc/FileKeyHex.kdbx",
     {{}, "keepassxc/FileKeyHex.key"},
     {2, 4},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 0, 0, 0}},
    {"keepassxc/FileKeyXml.kdbx",
     {{}, "keepassxc/FileKeyXml.key"},
     {2, 4},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 0, 0, 0}},
    {"keepassxc/FileKeyXmlV2.kdbx",
     {{}, "keepassxc/FileKeyXmlV2.keyx"},
     {3, 1},
     Cipher::aes256_cbc,
     Kdf::aes_kdf,
     {7, 0, 0, 0}},
    {"keepassxc/KeyFileProtected.kdbx",
     {"a", "keepassxc/KeyFileProtected.key"},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 2, 0, 0}},
    {"keepassxc/KeyFileProtectedNoPassword.kdbx",
     {{}, "keepassxc/KeyFileProtectedNoPassword.key"},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {1, 2, 0, 0}},
    {"keepassxc/RecycleBinWithData.kdbx", {"123", {}}, {3, 1}, Cipher::aes256_cbc, Kdf::aes_kdf, {11, 11, 8, 0}},
    {"generated/passkeys-pykeepass.kdbx", {"passkey-test", {}}, {4, 0}, Cipher::aes256_cbc, Kdf::argon2d, {1, 6, 1, 2}},
    {"generated/passkeys-keepassxc-resaved.kdbx",
     {"passkey-test", {}},
     {4, 0},
     Cipher::aes256_cbc,
     Kdf::argon2d,
     {2, 6, 1, 2}},
};

}  // namespace

TEST_CASE("every sample file opens, matches its listing and re-saves losslessly", "[kdbx]") {
    const Sample& sample = GENERATE(from_range(std::begin(samples), std::end(samples)));
    CAPTURE(sample.file);

    const HeaderInfo info = read_header_info(fixture(sample.file), sample.file);
    CHECK(info.version == sample.version);
    CHECK(info.cipher == sample.cipher);
    CHECK(info.kdf.kdf == sample.kdf);

    const CompositeKey key = key_for(sample.credentials);
    const Database db = open(fixture(sample.file), key, {}, sample.file);
    CHECK(to_string(count(db)) == to_string(sample.counts));

    // KDBX → model → KDBX: both container versions hold every element of the model.
    for (const std::uint16_t major : {std::uint16_t{4}, std::uint16_t{3}}) {
        CAPTURE(major);
        const cxf::crypto::SecureBytes saved = save(db, key, cheap_settings(major == 4 ? Kdf::argon2id : Kdf::aes_kdf,
                                                                            Cipher::aes256_cbc, major));
        Database again = open(saved, key, {}, "re-saved");
        if (major == 3) {  // KDBX 3.1 has no header field for public custom data and drops Binary.protect
            again.public_custom_data = db.public_custom_data;
            for (std::size_t i = 0; i < std::min(again.binaries.size(), db.binaries.size()); ++i) {
                CHECK_FALSE(again.binaries[i].protect);
                again.binaries[i].protect = db.binaries[i].protect;
            }
        }
        CHECK(database_diff(db, again) == std::vector<std::string>{});
    }
}

TEST_CASE("pykeepass test3/test4: fields, protection, quoting, references and attachments", "[kdbx]") {
    for (const auto& [file, key_file] : {std::pair{"pykeepass/test3.kdbx", "pykeepass/test3.key"},
                                         std::pair{"pykeepass/test4.kdbx", "pykeepass/test4.key"}}) {
        CAPTURE(file);
        const Database db = open_fixture(file, {"password", key_file});
        const Entry& root_entry = entry(db, "root_entry");
        CHECK(value(root_entry, "UserName") == "foobar_user");
        CHECK(value(root_entry, "Password") == "passw0rd");
        CHECK(is_protected(root_entry, "Password"));
        CHECK(value(root_entry, "foobar_attribute") == "foobar");
        CHECK(value(entry(db, "quote test -> \" <-"), "Title") == "quote test -> \" <-");
        const Entry& foobar = entry(db, "foobar_entry");
        CHECK(value(foobar, "multiline") == "hello\nworld");
        CHECK(is_protected(foobar, "multiline"));
        CHECK(value(foobar, "otp").starts_with("otpauth://totp/foobar_entry:foobar?secret="));
        CHECK(value(entry(db, "foobar_entry - Clone"), "Password") == "{REF:P@I:5060E2E029AA11E88AA80021CCB990C2}");
        REQUIRE(foobar.binaries.size() == 1);
        CHECK(foobar.binaries[0].key == "foo.txt");
        CHECK(group(db, "subgroup").name == "subgroup");
    }
}

TEST_CASE("kdbxweb demo: meta, custom fields, attachment, history, deleted objects", "[kdbx]") {
    for (const char* file : {"kdbxweb/demo.kdbx", "kdbxweb/Argon2ChaCha.kdbx", "kdbxweb/AesChaCha.kdbx"}) {
        CAPTURE(file);
        const Database db = open_fixture(file, {"demo", "kdbxweb/demo.key"});
        CHECK(db.meta.generator == (std::string_view(file) == "kdbxweb/AesChaCha.kdbx" ? "" : "KeePass"));
        CHECK(db.meta.database_name == "demo");
        CHECK(db.meta.database_description == "demo db");
        CHECK(db.meta.default_user_name == "me");
        CHECK(db.meta.color == "#FF0000");
        REQUIRE(db.meta.custom_icons.size() == 1);
        CHECK(db.meta.custom_icons[0].data.size() == 728);
        CHECK(db.deleted_objects.size() == 1);
        const Entry& e = entry(db, "my entry");
        CHECK(value(e, "my field") == "my val");
        CHECK_FALSE(is_protected(e, "my field"));
        CHECK(value(e, "my field protected") == "protected val");
        CHECK(is_protected(e, "my field protected"));
        CHECK(e.tags == std::vector<std::string>{"my", "tag"});
        CHECK(attachment_text(db, e, "attachment") == "some attachment");
        CHECK(e.auto_type.default_sequence == "{USERNAME}{TAB}{PASSWORD}{ENTER}{custom}");
        REQUIRE(e.history.size() == 1);
        CHECK(value(e.history[0], "Password") == "pass");
        CHECK(value(e.history[0], "Title") == "my-entry");
        const Group& bin = group(db, "Recycle Bin");
        CHECK(bin.icon_id == 43);
        CHECK(db.meta.recycle_bin_uuid == bin.uuid);
        CHECK(value(entry(db, "deleted entry"), "UserName") == "me");
    }
}

TEST_CASE("KDBX 4.1 features from KeePass (kdbxweb KDBX4.1, keepass-rs 4.1) are kept", "[kdbx]") {
    const Database db = open_fixture("kdbxweb/KDBX4.1.kdbx", {"test", {}});
    CHECK(group(db, "With tags").tags == std::vector<std::string>{"Another tag", "Tag1"});
    CHECK_FALSE(entry(db, "DisabledQ").quality_check);
    CHECK(entry(db, "Sample Entry").quality_check);
    CHECK(entry(db, "Was inside").previous_parent_group != nil_uuid);
    CHECK(group(db, "New group was inside").previous_parent_group != nil_uuid);
    REQUIRE(db.meta.custom_icons.size() == 2);
    CHECK(db.meta.custom_icons[0].name == "Bulb icon");
    CHECK(db.meta.custom_icons[0].last_modified.has_value());
    REQUIRE(db.meta.custom_data.size() == 4);
    CHECK(db.meta.custom_data[0].key == "Test_A");
    CHECK(db.meta.custom_data[0].value == "NmL56onQIqdk1WSt");
    CHECK(db.meta.custom_data[0].last_modified.has_value());
    CHECK(db.meta.settings_changed.has_value());
    CHECK(save_version(db, cheap_settings()) == FormatVersion{4, 1});

    const Database rs = open_fixture("keepass-rs/test_db_kdbx41_with_password_aes.kdbx", {"demopass", {}});
    CHECK_FALSE(entry(rs, "entry with no quality check").quality_check);
    REQUIRE(rs.meta.custom_icons.size() == 1);
    CHECK(rs.meta.custom_icons[0].name == "Egg");
    CHECK(entry(rs, "entry with named custom icon").custom_icon == rs.meta.custom_icons[0].uuid);
    CHECK(entry(rs, "entry that was moved").previous_parent_group != nil_uuid);
    CHECK(group(rs, "Group with tags").tags == std::vector<std::string>{"a", "b", "c"});
    const Entry& custom = entry(rs, "entry with custom data");
    REQUIRE_FALSE(custom.custom_data.empty());
    CHECK(custom.custom_data[0].key == "KPRPC JSON");
    CHECK(custom.custom_data[0].value.starts_with("{\"version\":2,\"altUrls\":[\"https://example.com\""));
    REQUIRE(rs.public_custom_data.size() == 1);
    CHECK(rs.public_custom_data[0].name == "KPXC_PUBLIC_UUID");
    CHECK(rs.public_custom_data[0].value.size() == 16);
}

TEST_CASE("KeePassXC 4.1 file: comma-separated tags, moved entry, public custom data", "[kdbx]") {
    const Database db = open_fixture("keepass-rs/test_db_kdbx41_features.kdbx", {"demopass", {}});
    CHECK(db.meta.generator == "KeePassXC");
    CHECK(entry(db, "tagged-entry-41").tags == std::vector<std::string>{"bank", "see", "who?"});
    CHECK(value(entry(db, "ayyyyo"), "Password") == "fromavolcano");
    CHECK(entry(db, "ayyyyo").previous_parent_group != nil_uuid);
    const Variant* uuid = find(db.public_custom_data, "KPXC_PUBLIC_UUID");
    REQUIRE(uuid != nullptr);
    CHECK(uuid->type == VariantType::bytes);
}

TEST_CASE("non-ASCII passwords and content (Cyrillic, Greek/Arabic, CJK, emoji)", "[kdbx]") {
    const Database cyr = open_fixture("kdbxweb/cyrillic.kdbx", {"пароль", {}});
    CHECK(cyr.meta.database_name == "моя база паролей");
    const Entry& e = entry(cyr, "моя запись");
    CHECK(value(e, "UserName") == "пользователь");
    CHECK(value(e, "Password") == "пароль");
    CHECK(value(e, "поле1") == "значение1");
    CHECK(value(e, "поле2") == "значение2");
    CHECK(is_protected(e, "поле2"));
    CHECK(e.tags == std::vector<std::string>{"теги"});

    const Database xc = open_fixture("keepassxc/NonAscii.kdbx", {"Δöض", {}});
    CHECK(value(entry(xc, "秘密"), "Password") == "🚗🐎🔋📎");
}

TEST_CASE("KeePassXC samples: protection flags, TOTP, case-distinct keys, pooled attachments", "[kdbx]") {
    const Database ps = open_fixture("keepassxc/ProtectedStrings.kdbx", {"masterpw", {}});
    const Entry& sample = entry(ps, "Sample Entry");
    CHECK(value(sample, "TestProtected") == "ABC");
    CHECK(is_protected(sample, "TestProtected"));
    CHECK(value(sample, "TestUnprotected") == "DEF");
    CHECK_FALSE(is_protected(sample, "TestUnprotected"));
    CHECK(value(sample, "UserName") == "Protected User Name");

    const Database nd = open_fixture("keepassxc/NewDatabase.kdbx", {"a", {}});
    const Entry& e = entry(nd, "Sample Entry");
    CHECK(value(e, "TOTP Seed") == "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ");
    CHECK(is_protected(e, "TOTP Seed"));
    CHECK(value(e, "TOTP Settings") == "30;6");
    CHECK(value(e, "TestAttribute1") == "b");
    CHECK(value(e, "testattribute1") == "a");
    CHECK(attachment_text(nd, e, "Sample attachment.txt").size() == 15);
    CHECK(nd.binaries.size() == 2);
    CHECK(nd.deleted_objects.size() == 4);

    const Database f4 = open_fixture("keepassxc/Format400.kdbx", {"t", {}});
    const Entry& f = entry(f4, "Format400");
    CHECK(value(f, "Format400") == "Format400");
    CHECK(is_protected(f, "Format400"));
    CHECK(attachment_text(f4, f, "Format400") == "Format400\n");
    CHECK(f4.deleted_objects.size() == 10);

    // KDBX 2.0 kept attachments inline in each entry.
    const Database f2 = open_fixture("keepassxc/Format200.kdbx", {"a", {}});
    const Entry& old = entry(f2, "Sample Entry");
    CHECK(attachment_text(f2, old, "myattach.txt") == "abcdefghijk");
    CHECK(attachment_text(f2, old, "test.txt") == "this is a test");
    CHECK(is_protected(old, "UserName"));
    CHECK(value(old, "UserName") == "User Name");

    const Database rb = open_fixture("keepassxc/RecycleBinWithData.kdbx", {"123", {}});
    CHECK(group(rb, "El Capitán").name == "El Capitán");
    CHECK(rb.meta.recycle_bin_uuid == group(rb, "Recycle Bin").uuid);
}

TEST_CASE("TOTP entries and an IntelliJ 3.1 file with a ChaCha20 inner stream", "[kdbx]") {
    const Database totp = open_fixture("keepass-rs/test_db_kdbx4_with_totp_entry.kdbx", {"test", {}});
    const Entry& e = entry(totp, "this entry has totp");
    CHECK(value(e, "otp") ==
          "otpauth://totp/KeePassXC:none?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=KeePassXC");
    CHECK(is_protected(e, "otp"));
    const Database sha = open_fixture("keepass-rs/test_db_kdbx4_with_totp_sha512_entry.kdbx", {"test", {}});
    bool sha512 = false;
    for (const Entry& x : sha.root.entries)
        if (const StringField* otp = x.find("otp"))
            sha512 = otp->value.view().find("algorithm=SHA512") != std::string_view::npos;
    CHECK(sha512);

    const cxf::Bytes ij = fixture("keepass-rs/test_db_kdbx3_with_chacha20_protected_fields.kdbx");
    CHECK(read_header_info(ij, "ij").inner_stream == InnerStream::chacha20);
    const Database db = open(ij, password_key("password"), {}, "ij");
    CHECK(db.meta.generator == "IJ");
    CHECK(value(db.root.groups.at(0).entries.at(0), "Password") == "admin");
}

TEST_CASE("generated passkey databases hold every passkey attribute with its protection flag", "[kdbx]") {
    struct Attribute {
        const char* entry;
        const char* key;
        const char* value;
        bool protect;
    };
    // generated/passkeys.expected.json
    const Attribute expected[] = {
        {"webauthn.io (Passkey)", "KPEX_PASSKEY_USERNAME", "kara", false},
        {"webauthn.io (Passkey)", "KPEX_PASSKEY_CREDENTIAL_ID", "nUVeo9NVdDIUfbSQ4qB2_koeiqOanYelQ23vmvURhAQ", true},
        {"webauthn.io (Passkey)", "KPEX_PASSKEY_PRIVATE_KEY_PEM",
         "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjyo8MwIKgH9WL32C\n"
         "Kae1XdhiWr16abraZE7B/PKe18GhRANCAATTRJrHkhAsSmdIjJ7ir2FwvqVQ+XI8\n"
         "rAUW9qHAsg+2RTImXX0HxK6idPNajQnOgW8OZv4TWR4HfmXCz0iMJSiW\n-----END PRIVATE KEY-----\n",
         true},
        {"webauthn.io (Passkey)", "KPEX_PASSKEY_RELYING_PARTY", "webauthn.io", false},
        {"webauthn.io (Passkey)", "KPEX_PASSKEY_USER_HANDLE", "rf1N5LTf26ljHmcwXUrEnw", true},
        {"webauthn.io (Passkey)", "KPEX_PASSKEY_FLAG_BE", "1", false},
        {"webauthn.io (Passkey)", "KPEX_PASSKEY_FLAG_BS", "1", false},
        {"example.com (Passkey) legacy names", "KPXC_PASSKEY_USERNAME", "bob", false},
        {"example.com (Passkey) legacy names", "KPEX_PASSKEY_GENERATED_USER_ID",
         "1qvj77dgM1P7lswwgw3hJ7FgL5tF3mLMpG7hHgtjYPI", true},
        {"example.com (Passkey) legacy names", "KPEX_PASSKEY_PRIVATE_KEY_PEM",
         "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPGYLzucNk02lunpU5oU+ZhE2LOfNq8jfmxPbwHBqtsX\n-----END "
         "PRIVATE KEY-----\n",
         true},
        {"example.com (Passkey) legacy names", "KPEX_PASSKEY_RELYING_PARTY", "example.com", false},
        {"example.com (Passkey) legacy names", "KPEX_PASSKEY_USER_HANDLE", "dXNlci1oYW5kbGUtMg", true},
        {"TOTP KeePass 2.47 TimeOtp", "TimeOtp-Secret-Base32", "JBSWY3DPEHPK3PXP", true},
        {"TOTP KeePass 2.47 TimeOtp", "TimeOtp-Algorithm", "HMAC-SHA-256", false},
        {"TOTP legacy KeePassXC seed/settings", "TOTP Seed", "JBSWY3DPEHPK3PXP", true},
        {"TOTP legacy KeePassXC seed/settings", "TOTP Settings", "30;6", false},
        {"Multi-URL entry", "KP2A_URL_1", "https://c.example.com", false},
        {"Multi-URL entry", "URL_1", "https://d.example.com", false},
        {"Multi-URL entry", "AndroidApp", "androidapp://com.example.app", false},
    };
    for (const char* file : {"generated/passkeys-pykeepass.kdbx", "generated/passkeys-keepassxc-resaved.kdbx"}) {
        CAPTURE(file);
        const Database db = open_fixture(file, {"passkey-test", {}});
        for (const Attribute& a : expected) {
            CAPTURE(a.entry, a.key);
            const Entry& e = entry(db, a.entry);
            CHECK(value(e, a.key) == a.value);
            CHECK(is_protected(e, a.key) == a.protect);
        }
        CHECK(entry(db, "webauthn.io (Passkey)").tags == std::vector<std::string>{"Passkey"});
        const Entry& urls = entry(db, "Multi-URL entry");
        CHECK(attachment_text(db, urls, "hello.txt") == "hello attachment\n");
        REQUIRE(urls.history.size() == 1);
        CHECK(value(urls.history[0], "Password") == "pw-urls");
        CHECK(value(urls, "Password") == "pw-urls-v2");
        CHECK(value(entry(db, "TOTP KeePassXC otp URI"), "otp").find("secret=JBSWY3DPEHPK3PXP") != std::string::npos);
    }
}
