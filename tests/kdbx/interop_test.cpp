// SPDX-License-Identifier: MIT
// Interoperability with real third-party programs (Debian 12: keepassxc-cli 2.7.4, python3-pykeepass
// 4.0.3): files they write are read correctly, and files we write open in both with every field,
// attribute and attachment intact. The scripts in tests/kdbx/interop/ drive them.
#include <catch2/catch.hpp>

#include "cxf/encoding/base64.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/kdbx/kitchen_sink.h"
#include "tests/support/testdata.h"

using namespace test::kdbx;

namespace {

// pykeepass 4.0.3 must run on Debian's own interpreter, whatever python3 is first on PATH.
constexpr const char* system_python = "/usr/bin/python3";

std::string quote(std::string_view text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string hex(std::string_view text) { return cxf::encoding::hex_encode(cxf::as_bytes(text)); }

// The canonical text pykeepass_dump.py prints, rendered from our own model.
class Renderer {
public:
    explicit Renderer(const Database& db) : db_(db) {}

    std::string run() {
        const Meta& m = db_.meta;
        line("meta " + hex(m.generator) + " " + hex(m.database_name) + " " + hex(m.database_description) + " " +
             hex(m.default_user_name) + " " + uuid(m.recycle_bin_uuid));
        custom_data(m.custom_data, "");
        group(db_.root, "");
        return out_;
    }

private:
    static std::string uuid(const Uuid& u) { return cxf::encoding::base64_encode(u); }
    static std::string boolean(bool b) { return b ? "True" : "False"; }
    void line(const std::string& text) { out_ += (out_.empty() ? "" : "\n") + text; }

    void custom_data(const CustomData& data, const std::string& pad) {
        for (const CustomDataItem& item : data) line(pad + "C " + hex(item.key) + " " + hex(item.value));
    }

    void tags(const std::vector<std::string>& tags, const std::string& pad) {
        for (const std::string& t : tags) line(pad + " T " + hex(t));
    }

    void group(const Group& g, const std::string& pad) {
        line(pad + "G " + uuid(g.uuid) + " " + hex(g.name) + " " + hex(g.notes) + " icon=" + std::to_string(g.icon_id));
        tags(g.tags, pad);
        custom_data(g.custom_data, pad + " ");
        for (const Entry& e : g.entries) entry(e, pad + " ");
        for (const Group& child : g.groups) group(child, pad + " ");
    }

    void entry(const Entry& e, const std::string& pad) {
        line(pad + "E " + uuid(e.uuid) + " icon=" + std::to_string(e.icon_id));
        line(pad + " colors " + hex(e.foreground_color) + " " + hex(e.background_color) + " " + hex(e.override_url));
        line(pad + " times " + std::to_string(e.times.creation.to_unix()) + " " +
             std::to_string(e.times.last_modification.to_unix()) + " " + std::to_string(e.times.expiry.to_unix()) + " " +
             boolean(e.times.expires) + " " + std::to_string(e.times.usage_count));
        tags(e.tags, pad);
        for (const StringField& s : e.strings)
            line(pad + " S " + hex(s.key) + " " + hex(s.value.view()) + " " + (s.protect ? "1" : "0"));
        for (const BinaryRef& b : e.binaries)
            line(pad + " A " + hex(b.key) + " " + cxf::encoding::hex_encode(db_.binaries.at(b.index).data));
        line(pad + " autotype " + boolean(e.auto_type.enabled) + " " + hex(e.auto_type.default_sequence));
        for (const AutoTypeAssociation& a : e.auto_type.associations)
            line(pad + "  window " + hex(a.window) + " " + hex(a.sequence));
        custom_data(e.custom_data, pad + " ");
        for (const Entry& h : e.history) {
            line(pad + " H");
            entry(h, pad + "  ");
        }
    }

    const Database& db_;
    std::string out_;
};

// What `keepassxc-cli ls -R -f` prints: entries, then groups with a trailing '/', "[empty]" for
// a group with nothing in it.
void listing(const Group& g, const std::string& prefix, std::string& out) {
    if (g.entries.empty() && g.groups.empty()) out += prefix + "[empty]\n";
    for (const Entry& e : g.entries) out += prefix + std::string(e.find("Title")->value.view()) + "\n";
    for (const Group& child : g.groups) {
        out += prefix + child.name + "/\n";
        listing(child, prefix + child.name + "/", out);
    }
}

// Standard output of a keepassxc-cli command (the password on stdin); its diagnostics go to
// `stderr_file` and are shown when the command fails.
std::string keepassxc(const std::string& password, const std::string& arguments, const std::string& stderr_file) {
    std::string out;
    const int status =
        run("printf '%s\\n' " + quote(password) + " | keepassxc-cli " + arguments + " 2>" + quote(stderr_file), &out);
    INFO("keepassxc-cli " << arguments << "\n" << test::read_text(stderr_file));
    CHECK(status == 0);
    return out;
}

}  // namespace

TEST_CASE("a file written by pykeepass is read correctly", "[kdbx][interop]") {
    const test::TempDir dir;
    const std::string file = dir.path("pykeepass.kdbx");
    REQUIRE(run(std::string(system_python) + " " + quote(here("interop/pykeepass_write.py")) + " " + quote(file) +
                " 'pw-ü' 2>&1") == 0);

    const Database db = open(read_file(file), password_key("pw-ü"), {}, file);
    CHECK(read_header_info(read_file(file), file).version == FormatVersion{4, 0});
    CHECK(group(db, "E-Mail").groups.at(0).name == "Wörk ☃");
    CHECK(group(db, "Wörk ☃").groups.at(0).name == "Deep 日本");

    const Entry& gmail = entry(db, "Gmail");
    CHECK(value(gmail, "UserName") == "ålice@example.com");
    CHECK(value(gmail, "Password") == "pässwörd-🔑");
    CHECK(is_protected(gmail, "Password"));
    CHECK(value(gmail, "Notes") == "line one\nline two");
    CHECK(value(gmail, "Recovery code") == "R3C0V3RY-ß");
    CHECK(is_protected(gmail, "Recovery code"));
    CHECK(value(gmail, "Plain field") == "visible <&> value");
    CHECK_FALSE(is_protected(gmail, "Plain field"));
    CHECK(value(gmail, "otp") == "otpauth://totp/Gmail:alice?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Gmail");
    CHECK(gmail.tags == std::vector<std::string>{"mail", "personal"});

    const Entry& passkey = entry(db, "webauthn.io (Passkey)");
    CHECK(value(passkey, "KPEX_PASSKEY_CREDENTIAL_ID") == "nUVeo9NVdDIUfbSQ4qB2_koeiqOanYelQ23vmvURhAQ");
    CHECK(is_protected(passkey, "KPEX_PASSKEY_CREDENTIAL_ID"));
    CHECK(value(passkey, "KPEX_PASSKEY_PRIVATE_KEY_PEM").starts_with("-----BEGIN PRIVATE KEY-----\nMC4CAQAw"));
    CHECK(is_protected(passkey, "KPEX_PASSKEY_PRIVATE_KEY_PEM"));
    CHECK(is_protected(passkey, "KPEX_PASSKEY_USER_HANDLE"));
    CHECK_FALSE(is_protected(passkey, "KPEX_PASSKEY_RELYING_PARTY"));
    CHECK(value(passkey, "KPEX_PASSKEY_FLAG_BE") == "1");
    CHECK(passkey.tags == std::vector<std::string>{"Passkey"});

    const Entry& files = entry(db, "Files 📎");
    CHECK(value(files, "Password") == "second-password");
    REQUIRE(files.history.size() == 1);
    CHECK(value(files.history[0], "Password") == "first-password");
    CHECK(attachment_text(db, files, "hello.txt") == "héllo attachment\n");
    std::string bytes;
    for (int i = 0; i < 4 * 256; ++i) bytes += static_cast<char>(i % 256);
    CHECK(attachment_text(db, files, "bytes.bin") == bytes);
    REQUIRE(files.binaries.size() == 2);
    CHECK(db.binaries.at(files.binaries[1].index).protect);
    CHECK_FALSE(db.binaries.at(files.binaries[0].index).protect);
}

TEST_CASE("files written by keepassxc-cli (KDBX 4 and 3.1) are read correctly", "[kdbx][interop]") {
    const test::TempDir dir;
    const std::string password = "pässwörd ✓";
    REQUIRE(run("bash " + quote(here("interop/keepassxc_write.sh")) + " " + quote(dir.root().string()) + " " +
                quote(password) + " 2>&1") == 0);

    for (const auto& [name, version] : {std::pair{"keepassxc-4.kdbx", FormatVersion{4, 0}},
                                        std::pair{"keepassxc-3.kdbx", FormatVersion{3, 1}}}) {
        CAPTURE(name);
        const cxf::Bytes file = read_file(dir.path(name));
        CHECK(read_header_info(file, name).version == version);
        const Database db = open(file, password_key(password), {}, name);
        CHECK(db.meta.database_name == "Interop Ünïcode");
        CHECK(group(db, "Finanzen €").groups.at(0).name == "Банк");

        const Entry& bank = entry(db, "Sparkasse Köln");
        CHECK(value(bank, "UserName") == "jürgen");
        CHECK(value(bank, "Password") == "geh€im-密码");
        CHECK(is_protected(bank, "Password"));
        CHECK(value(bank, "Notes") == "first line\nsecond line");
        CHECK(value(bank, "PIN") == "4711");
        CHECK(is_protected(bank, "PIN"));
        CHECK(value(bank, "Branch") == "Köln-Süd");
        CHECK_FALSE(is_protected(bank, "Branch"));
        CHECK(value(bank, "otp") ==
              "otpauth://totp/Sparkasse:j%C3%BCrgen?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Sparkasse");
        CHECK(is_protected(bank, "otp"));
        CHECK(bank.tags == std::vector<std::string>{"bank", "money"});
        CHECK(attachment_text(db, bank, "statement.txt") == "KeePassXC attachment ✓\n");
        REQUIRE_FALSE(bank.history.empty());
        CHECK(value(bank.history[0], "Password") == "old-password");

        const Entry& passkey = entry(db, "webauthn.io (Passkey)");
        for (const char* key :
             {"KPEX_PASSKEY_CREDENTIAL_ID", "KPEX_PASSKEY_PRIVATE_KEY_PEM", "KPEX_PASSKEY_USER_HANDLE"}) {
            CAPTURE(key);
            CHECK(is_protected(passkey, key));
        }
        CHECK(value(passkey, "KPEX_PASSKEY_USER_HANDLE") == "rf1N5LTf26ljHmcwXUrEnw");
        CHECK(value(passkey, "KPEX_PASSKEY_PRIVATE_KEY_PEM") ==
              "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPGYLzucNk02lunpU5oU+ZhE2LOfNq8jfmxPbwHBqtsX\n-----END "
              "PRIVATE KEY-----\n");
        CHECK_FALSE(is_protected(passkey, "KPEX_PASSKEY_RELYING_PARTY"));
        CHECK(value(passkey, "KPEX_PASSKEY_FLAG_BS") == "1");

        if (version.major == 4) {
            std::string bytes;
            for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
            CHECK(attachment_text(db, bank, "bytes.bin") == bytes);  // added by keepassxc-cli attachment-import
            bool marked = false;
            for (const CustomDataItem& item : bank.custom_data)
                marked = marked || (item.key == "cxf-interop" && item.value == "kdbx4");
            CHECK(marked);
        }
    }
}

TEST_CASE("files we write open in pykeepass with every field intact", "[kdbx][interop]") {
    const test::TempDir dir;
    const CompositeKey key = password_key("interop-pw");
    for (const std::uint16_t major : {std::uint16_t{4}, std::uint16_t{3}}) {
        for (const Cipher cipher : {Cipher::aes256_cbc, Cipher::chacha20}) {
            const Kdf kdf = major == 3 ? Kdf::aes_kdf : (cipher == Cipher::chacha20 ? Kdf::aes_kdf : Kdf::argon2id);
            CAPTURE(major, name(cipher), name(kdf));
            const Database db = kitchen_sink(major == 4);
            const std::string file = dir.path("ours.kdbx");
            write_file(file, save(db, key, cheap_settings(kdf, cipher, major)));
            std::string dump;
            REQUIRE(run(std::string(system_python) + " " + quote(here("interop/pykeepass_dump.py")) + " " +
                            quote(file) + " interop-pw",
                        &dump) == 0);
            if (!dump.empty() && dump.back() == '\n') dump.pop_back();
            CHECK(dump == Renderer(db).run());
        }
    }
}

TEST_CASE("files we write open in keepassxc-cli: listing, attributes and attachments", "[kdbx][interop]") {
    const test::TempDir dir;
    const std::string password = "interop ✓";
    const CompositeKey key = password_key(password);
    for (const std::uint16_t major : {std::uint16_t{4}, std::uint16_t{3}}) {
        CAPTURE(major);
        const Database db = kitchen_sink(major == 4);
        const std::string file = dir.path("ours.kdbx");
        write_file(file, save(db, key, cheap_settings(major == 4 ? Kdf::argon2d : Kdf::aes_kdf,
                                                      major == 4 ? Cipher::chacha20 : Cipher::aes256_cbc, major)));
        const std::string db_arg = quote(file);
        const std::string err = dir.path("keepassxc-cli.err");

        std::string expected_listing;
        listing(db.root, "", expected_listing);
        CHECK(keepassxc(password, "ls -R -f " + db_arg, err) == expected_listing);

        const Entry& main = db.root.entries.at(0);
        std::string attributes, expected;
        for (const StringField& s : main.strings) {
            attributes += " -a " + quote(s.key);
            expected += std::string(s.value.view()) + "\n";
        }
        CHECK(keepassxc(password, "show -s" + attributes + " " + db_arg + " 'Main entry'", err) == expected);
        CHECK(keepassxc(password,
                        "show -s -a Password -a KPEX_PASSKEY_PRIVATE_KEY_PEM " + db_arg +
                            " 'Child ünïcode/Grandchild/Deep entry'",
                        err) == value(entry(db, "Deep entry"), "Password") + "\n" +
                                    value(entry(db, "Deep entry"), "KPEX_PASSKEY_PRIVATE_KEY_PEM") + "\n");

        for (const BinaryRef& ref : main.binaries) {
            CAPTURE(ref.key);
            const std::string out = dir.path("exported");
            keepassxc(password, "attachment-export " + db_arg + " 'Main entry' " + quote(ref.key) + " " + quote(out),
                      err);
            const cxf::Bytes exported = read_file(out);
            const cxf::crypto::SecureBytes& data = db.binaries.at(ref.index).data;
            CHECK(exported == cxf::Bytes(data.begin(), data.end()));
        }
    }
}

// KDBX 4 keeps them in the inner header, stored in the payload's gzip; KDBX 3.1 keeps them in the
// XML as base64, not gzipped themselves.
TEST_CASE("attachments that do not compress are stored, not deflated, and keepassxc-cli reads them", "[kdbx][interop]") {
    const test::TempDir dir;
    const std::string password = "stored blocks";
    const CompositeKey key = password_key(password);
    Database db = kitchen_sink(true);
    cxf::crypto::SecureBytes random(3 << 20), text;
    std::uint32_t seed = 5;
    for (std::uint8_t& b : random) b = static_cast<std::uint8_t>((seed = seed * 1103515245 + 12345) >> 24);
    for (int i = 0; text.size() < (1u << 20); ++i) {
        const std::string line = "line " + std::to_string(i) + " of a statement\n";
        text.insert(text.end(), line.begin(), line.end());
    }
    Entry& main = db.root.entries.at(0);
    for (auto* data : {&random, &text}) {
        main.binaries.push_back(BinaryRef{data == &random ? "scan.jpg" : "statement.txt", db.binaries.size()});
        db.binaries.push_back(Binary{*data, false});
    }
    for (const std::uint16_t major : {std::uint16_t{4}, std::uint16_t{3}}) {
        CAPTURE(major);
        const std::string file = dir.path("stored.kdbx");
        write_file(file, save(db, key, cheap_settings(major == 4 ? Kdf::argon2d : Kdf::aes_kdf, Cipher::aes256_cbc, major)));
        const std::size_t size = read_file(file).size();
        CHECK(size > random.size());
        CHECK(size < random.size() + text.size() / 4);  // the text is still deflated

        const Database back = open(read_file(file), key, {}, "stored.kdbx");
        REQUIRE(back.binaries.size() == db.binaries.size());
        for (std::size_t i = 0; i < db.binaries.size(); ++i) CHECK(back.binaries[i].data == db.binaries[i].data);  // 3.1 drops `protect`
        const std::string err = dir.path("keepassxc-cli.err");
        for (const auto& [name, data] : {std::pair{"scan.jpg", &random}, std::pair{"statement.txt", &text}}) {
            CAPTURE(name);
            const std::string out = dir.path("exported");
            keepassxc(password, "attachment-export " + quote(file) + " 'Main entry' " + quote(name) + " " + quote(out), err);
            const cxf::Bytes exported = read_file(out);
            CHECK(exported == cxf::Bytes(data->begin(), data->end()));
        }
    }
}
