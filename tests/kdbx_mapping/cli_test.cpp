// SPDX-License-Identifier: MIT
// The kdbx format through the real `cxf` program: exit code 3 for a wrong password or a missing key
// file, --no-password, `cxf inspect` (header facts and counts, never values), the KDF caps and the
// write options.
#include <catch2/catch.hpp>

#include "cxf/kdbx/kdbx.h"
#include "tests/cli/cli_run.h"
#include "tests/kdbx_mapping/mapping_support.h"
#include "tests/support/testdata.h"

using namespace test::kdbx_mapping;
using test::run_cxf;

namespace {

std::string sample(std::string_view file) { return "'" + test::testdata("kdbx/" + std::string(file)) + "'"; }

cxf::kdbx::HeaderInfo header_of(const std::string& path) {
    const cxf::Input input = cxf::io::read_input(path, {});
    return cxf::kdbx::read_header_info(input.bytes, path);
}

// Converts the CXF kitchen sink to dir/name with `options`; the result of the run.
test::CliResult write_kdbx(const test::TempDir& dir, const std::string& name, const std::string& options) {
    test::write_file(dir.path("in.cxf"), R"({"version":{"major":1,"minor":0},"exporterRpId":"x.example","exporterDisplayName":"X",
        "timestamp":1705228800,"accounts":[{"id":"AAECAwQFBgcICQoLDA0ODw","username":"u","email":"u@example.com",
        "collections":[],"items":[{"id":"aXRlbS0x","title":"Login","credentials":[{"type":"basic-auth",
        "username":{"fieldType":"string","value":"jane"},"password":{"fieldType":"concealed-string","value":"s3cret-value"}}]}]}]})");
    return run_cxf(dir, "convert in.cxf " + name + " --force --out-password-env OUT " + options, "/dev/null", "OUT=new-pw");
}

}  // namespace

TEST_CASE("cxf: a wrong password or a missing key file is exit code 3", "[kdbx-mapping]") {
    test::TempDir dir;
    struct Case {
        std::string file, options, password;
    };
    const Case cases[] = {
        {"keepassxc/Format400.kdbx", "", "wrong"},                                // KDBX 4: the header HMAC
        {"kdbxweb/demo.kdbx", " --key-file " + sample("kdbxweb/demo.key"), "wrong"},  // KDBX 3.1: the start bytes
        {"kdbxweb/demo.kdbx", "", "demo"},                                        // the right password, no key file
    };
    for (const Case& c : cases) {
        CAPTURE(c.file, c.options);
        const auto r = run_cxf(dir, "convert " + sample(c.file) + " out.cxf --password-env PW" + c.options, "/dev/null", "PW=" + c.password);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("wrong password or key file") != std::string::npos);
        CHECK(r.err.find(c.password + "\n") == std::string::npos);
    }
    CHECK(test::list_dir(dir.root().string()).empty());
}

TEST_CASE("cxf: --no-password opens a database protected by a key file alone", "[kdbx-mapping]") {
    test::TempDir dir;
    const std::string file = sample("kdbxweb/KeyV2.kdbx") + " --key-file " + sample("kdbxweb/KeyV2.keyx");
    const auto r = run_cxf(dir, "inspect " + file + " --no-password");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("items: 2") != std::string::npos);
    // Without it there is a password to ask for and no terminal to ask on.
    const auto asked = run_cxf(dir, "inspect " + file);
    CHECK(asked.exit_code == 2);
    CHECK(asked.err.find("password required") != std::string::npos);
    // A key file alone when the database also has a password is a wrong key.
    const auto wrong = run_cxf(dir, "inspect " + sample("kdbxweb/demo.kdbx") + " --key-file " + sample("kdbxweb/demo.key") + " --no-password");
    CHECK(wrong.exit_code == 3);
}

TEST_CASE("cxf inspect shows a KDBX file's header facts and counts, never a value", "[kdbx-mapping]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "inspect " + sample("generated/passkeys-keepassxc-resaved.kdbx") + " --password-env PW", "/dev/null",
                           "PW=passkey-test");
    REQUIRE(r.exit_code == 0);
    for (const char* line : {"format: kdbx", "version: KDBX 4.0", "cipher: AES-256-CBC", "compression: gzip", "kdf: Argon2d",
                             "kdf memory: 64 MiB", "kdf iterations: 14", "kdf parallelism: 2", "items: 6", "passkey: 2",
                             "totp: 3", "collections: 1"})
        CHECK(r.out.find(line) != std::string::npos);
    for (const char* secret : {"pw-urls", "JBSWY3DPEHPK3PXP", "kara", "webauthn.io", "PRIVATE KEY"}) CHECK(r.out.find(secret) == std::string::npos);

    const auto v31 = run_cxf(dir, "inspect " + sample("kdbxweb/cyrillic.kdbx") + " --json --password-env PW", "/dev/null", "PW=пароль");
    REQUIRE(v31.exit_code == 0);
    for (const char* part : {R"("version": "KDBX 3.1")", R"("kdf": "AES-KDF")", R"("kdf rounds": "100")", R"("inner stream": "Salsa20")",
                             R"("compression": "none")"})
        CHECK(v31.out.find(part) != std::string::npos);
}

TEST_CASE("cxf: KDF costs above the caps are refused until the caps are raised", "[kdbx-mapping]") {
    test::TempDir dir;
    REQUIRE(write_kdbx(dir, "argon.kdbx", "--kdbx-memory-mib 2 --kdbx-iterations 4 --kdbx-parallelism 1").exit_code == 0);
    REQUIRE(write_kdbx(dir, "aes.kdbx", "--kdbx-kdf aes-kdf --kdbx-iterations 5000").exit_code == 0);
    struct Case {
        const char* file;
        const char* cap;
        const char* raised;
    };
    for (const Case& c : {Case{"argon.kdbx", "--max-kdf-memory-mib 1", "--max-kdf-memory-mib 2"},
                          Case{"argon.kdbx", "--max-kdf-iterations 3", "--max-kdf-iterations 4"},
                          Case{"aes.kdbx", "--max-aes-kdf-rounds 4999", "--max-aes-kdf-rounds 5000"}}) {
        CAPTURE(c.file, c.cap);
        const auto refused = run_cxf(dir, std::string("inspect ") + c.file + " --password-env PW " + c.cap, "/dev/null", "PW=new-pw");
        CHECK(refused.exit_code == 1);
        CHECK(refused.err.find("cap") != std::string::npos);
        const auto allowed = run_cxf(dir, std::string("inspect ") + c.file + " --password-env PW " + c.raised, "/dev/null", "PW=new-pw");
        CHECK(allowed.exit_code == 0);
    }
}

TEST_CASE("cxf: the kdbx write options choose version, cipher, KDF and its cost, compression and key", "[kdbx-mapping]") {
    test::TempDir dir;
    REQUIRE(write_kdbx(dir, "default.kdbx", "--kdbx-memory-mib 1 --kdbx-iterations 1").exit_code == 0);
    auto h = header_of(dir.path("default.kdbx"));
    CHECK(h.version == cxf::kdbx::FormatVersion{4, 0});
    CHECK(h.cipher == cxf::kdbx::Cipher::aes256_cbc);
    CHECK(h.kdf.kdf == cxf::kdbx::Kdf::argon2id);
    CHECK(h.kdf.parallelism == 2);
    CHECK(h.compression == cxf::kdbx::Compression::gzip);

    REQUIRE(write_kdbx(dir, "tuned.kdbx",
                       "--kdbx-cipher chacha20 --kdbx-kdf argon2d --kdbx-memory-mib 2 --kdbx-iterations 3 --kdbx-parallelism 1 "
                       "--kdbx-compression none")
                .exit_code == 0);
    h = header_of(dir.path("tuned.kdbx"));
    CHECK(h.cipher == cxf::kdbx::Cipher::chacha20);
    CHECK(h.kdf.kdf == cxf::kdbx::Kdf::argon2d);
    CHECK(h.kdf.memory_bytes == 2u << 20);
    CHECK(h.kdf.iterations == 3);
    CHECK(h.kdf.parallelism == 1);
    CHECK(h.compression == cxf::kdbx::Compression::none);

    REQUIRE(write_kdbx(dir, "v31.kdbx", "--kdbx-version 3.1 --kdbx-iterations 1234").exit_code == 0);
    h = header_of(dir.path("v31.kdbx"));
    CHECK(h.version == cxf::kdbx::FormatVersion{3, 1});
    CHECK(h.kdf.kdf == cxf::kdbx::Kdf::aes_kdf);
    CHECK(h.kdf.rounds == 1234);

    REQUIRE(write_kdbx(dir, "timed.kdbx", "--kdbx-memory-mib 1 --kdbx-parallelism 1 --kdbx-unlock-ms 20").exit_code == 0);
    CHECK(header_of(dir.path("timed.kdbx")).kdf.iterations >= 1);
    const auto timed = run_cxf(dir, "inspect timed.kdbx --password-env PW", "/dev/null", "PW=new-pw");
    CHECK(timed.exit_code == 0);

    test::write_file(dir.path("out.key"), "any bytes make a key file");
    REQUIRE(write_kdbx(dir, "keyed.kdbx", "--out-no-password --out-key-file out.key --kdbx-memory-mib 1 --kdbx-iterations 1").exit_code == 0);
    CHECK(run_cxf(dir, "inspect keyed.kdbx --no-password --key-file out.key").exit_code == 0);
    CHECK(run_cxf(dir, "inspect keyed.kdbx --password-env PW --key-file out.key", "/dev/null", "PW=new-pw").exit_code == 3);
}

TEST_CASE("cxf: kdbx write options it cannot take are usage errors", "[kdbx-mapping]") {
    test::TempDir dir;
    for (const char* bad : {"--kdbx-version 5", "--kdbx-cipher twofish", "--kdbx-kdf scrypt", "--kdbx-memory-mib 0",
                            "--kdbx-memory-mib 17592186044417", "--kdbx-iterations lots", "--kdbx-version 3.1 --kdbx-kdf argon2id",
                            "--kdbx-kdf aes-kdf --kdbx-memory-mib 8", "--kdbx-compression zstd", "--out-no-password"}) {
        CAPTURE(bad);
        const auto r = write_kdbx(dir, "bad.kdbx", bad);
        CHECK(r.exit_code == 2);
        CHECK_FALSE(std::filesystem::exists(dir.path("bad.kdbx")));
    }
}
