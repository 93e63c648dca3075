// SPDX-License-Identifier: MIT
// kdbxweb (KeeWeb's library) as a peer: the files it writes (testdata/kdbx/kdbxweb-generated, made by
// make.mjs there) read field by field, and the files we write open in it with the same content.
// check.mjs needs node and the node_modules that scripts/setup.sh --test installs with `npm ci`.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cxf/formats/registry.h"
#include "cxf/model/vault.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/testdata.h"

using namespace test::kdbx;

namespace {

constexpr std::string_view fixture_password = "kdbxweb-fixture";

struct Fixture {
    const char* file;
    std::uint16_t major, minor;
    Kdf kdf;
};
constexpr Fixture fixtures[] = {
    {"kdbxweb-generated/kdbx31.kdbx", 3, 1, Kdf::aes_kdf},
    {"kdbxweb-generated/kdbx4.kdbx", 4, 0, Kdf::argon2id},
};

// What check.mjs prints for the file: kdbxweb's view of groups, entries, fields and attachments.
std::string kdbxweb_view(const std::string& path) {
    const std::string folder = test::testdata("kdbx/kdbxweb-generated");
    INFO("kdbxweb's modules are installed by scripts/setup.sh --test (npm ci in " << folder << ")");
    REQUIRE(std::filesystem::exists(folder + "/node_modules/kdbxweb"));
    std::string out;
    const int status = run("node '" + folder + "/check.mjs' '" + path + "' '" + std::string(fixture_password) + "' 2>&1", &out);
    INFO(out);
    CHECK(status == 0);
    return out;
}

}  // namespace

TEST_CASE("KDBX 3.1 and 4 written by kdbxweb read field by field", "[kdbx]") {
    for (const Fixture& f : fixtures) {
        CAPTURE(f.file);
        const HeaderInfo info = read_header_info(fixture(f.file), f.file);
        CHECK(info.version.major == f.major);
        CHECK(info.version.minor == f.minor);
        CHECK(info.kdf.kdf == f.kdf);

        const Database db = open_fixture(f.file, {std::string(fixture_password), {}});
        CHECK(db.meta.generator == "KdbxWeb");
        CHECK(db.meta.database_name == "kdbxweb fixture");
        CHECK(to_string(count(db)) == to_string(Counts{4, 3, 1, 1}));
        CHECK(group(db, "Servers").entries.size() == 1);

        const Entry& mail = entry(db, "Mail");
        CHECK(value(mail, "UserName") == "alice@example.com");
        CHECK(value(mail, "Password") == "new-mail-password");
        CHECK(is_protected(mail, "Password"));
        CHECK(value(mail, "URL") == "https://mail.example.com");
        CHECK(value(mail, "Notes") == "line one\nline two");
        CHECK(value(mail, "Department") == "Sales");
        CHECK_FALSE(is_protected(mail, "Department"));
        CHECK(value(mail, "PIN") == "1234");
        CHECK(is_protected(mail, "PIN"));
        CHECK(value(mail, "otp") ==
              "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Example");
        CHECK(mail.tags == std::vector<std::string>{"mail", "work"});
        CHECK(attachment_text(db, mail, "readme.txt") == "kdbxweb attachment\n");
        CHECK(mail.times.creation.to_unix() == 1704164645);  // 2024-01-02T03:04:05Z
        CHECK(mail.times.last_modification.to_unix() == 1706933106);  // 2024-02-03T04:05:06Z
        REQUIRE(mail.history.size() == 1);
        CHECK(value(mail.history[0], "Password") == "old-mail-password");
        CHECK(mail.history[0].binaries.empty());

        CHECK(value(entry(db, "Build server"), "Password") == "correct horse battery staple");
        CHECK(value(entry(db, "Bank"), "Password") == "b4nk");
        CHECK(db.meta.recycle_bin_enabled);
        CHECK(group(db, "Recycle Bin").uuid == db.meta.recycle_bin_uuid);

        // Through the mapping: the otp field is a TOTP credential, the recycle bin no item.
        cxf::Report report;
        const cxf::Vault vault = test::read_fixture(std::string("kdbx/") + f.file, report, [] {
            cxf::ReadOptions options;
            options.password = [] { return cxf::crypto::Secret(fixture_password); };
            return options;
        }());
        REQUIRE(vault.accounts.size() == 1);
        std::size_t totps = 0;
        for (const cxf::Item& item : vault.accounts[0].items)
            for (const cxf::Credential& c : item.credentials)
                if (std::holds_alternative<cxf::Totp>(c)) ++totps;
        CHECK(totps == 1);
    }
}

TEST_CASE("kdbxweb opens the KDBX 3.1 and 4 files we write with the same content", "[kdbx][interop]") {
    test::TempDir dir;
    const CompositeKey key = password_key(fixture_password);
    for (const Fixture& f : fixtures) {
        CAPTURE(f.file);
        const std::string original = kdbxweb_view(test::testdata(std::string("kdbx/") + f.file));
        CHECK(original.find("E Mail\n") != std::string::npos);
        const Database db = open_fixture(f.file, {std::string(fixture_password), {}});
        for (const SaveSettings& settings : {cheap_settings(Kdf::aes_kdf, Cipher::aes256_cbc, 3),
                                             cheap_settings(Kdf::argon2id, Cipher::chacha20, 4)}) {
            CAPTURE(settings.major_version);
            const std::string path = dir.path("ours.kdbx");
            write_file(path, save(db, key, settings));
            CHECK(kdbxweb_view(path) == original);
        }
    }
}

TEST_CASE("keepassxc-cli and pykeepass agree the kdbxweb fixtures are valid", "[kdbx][interop]") {
    for (const Fixture& f : fixtures) {
        CAPTURE(f.file);
        const std::string path = test::testdata(std::string("kdbx/") + f.file);
        std::string listing;
        CHECK(run("printf '%s\\n' '" + std::string(fixture_password) + "' | keepassxc-cli ls -R -f '" + path +
                      "' 2>/dev/null",
                  &listing) == 0);
        CHECK(listing == "Bank\nRecycle Bin/\nRecycle Bin/[empty]\nWork/\nWork/Mail\nWork/Servers/\nWork/Servers/Build server\n");
        std::string pykeepass;
        CHECK(run("/usr/bin/python3 -c \"import sys; from pykeepass import PyKeePass; kp = PyKeePass(sys.argv[1], "
                  "password=sys.argv[2]); print(len(kp.entries), kp.find_entries(title='Mail', first=True).password)\" '" +
                      path + "' '" + std::string(fixture_password) + "' 2>&1",
                  &pykeepass) == 0);
        CHECK(pykeepass == "3 new-mail-password\n");
    }
}
