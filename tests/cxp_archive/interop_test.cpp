// SPDX-License-Identifier: MIT
// Cross-checks with the independent Python archive tool (tests/cxp/reference/cxp_archive_ref.py): it
// opens the archives cxf writes, checking every document, and cxf reads the archives it writes, in
// cxf's layout and in cxporter's (CXP-Export/, one shared HPKE context).
#include <catch2/catch.hpp>

#include <filesystem>

#include "cxf/cxf_json/cxf_json.h"
#include "tests/cxp/support.h"
#include "tests/cxp_archive/support.h"
#include "tests/support/json_diff.h"

using namespace cxf;
using namespace test::cxp_archive;
using cxp::hpke::Aead;
using cxp::hpke::Kem;
using test::cxp::run_reference;

namespace {

// What the Python tool seals: the kitchen sink as CXF JSON, and its one document.
void write_plaintext(const test::TempDir& dir, const Vault& vault, std::string_view document) {
    Report report;
    cxf_json::WriteSettings settings;
    settings.archive_index = true;
    save(dir.path("index.json"), cxf_json::write(vault, settings, report));
    std::filesystem::create_directories(dir.path("documents"));
    save(dir.path("documents/" + std::string(sink_file_id)), crypto::SecureBytes(document.begin(), document.end()));
}

test::cxp::RunResult seal(const test::TempDir& dir, const Importer& importer, std::vector<std::string> flags) {
    std::vector<std::string> arguments{"seal", importer.request_path, dir.path("index.json"), dir.path("documents"),
                                       dir.path("py.cxp")};
    arguments.insert(arguments.end(), flags.begin(), flags.end());
    return run_reference("cxp_archive_ref.py", arguments);
}

}  // namespace

TEST_CASE("the Python reference opens the .cxp archives cxf writes and checks every document", "[cxp-archive][reference]") {
    const Kem kem = GENERATE(Kem::x25519_sha256, Kem::p256_sha256);
    const Aead aead = GENERATE(Aead::aes256_gcm, Aead::chacha20_poly1305, Aead::aes128_gcm);
    CAPTURE(cxp::hpke::suite_name({kem, cxp::hpke::Kdf::hkdf_sha256, aead}));
    const test::TempDir dir;
    const Importer importer = make_importer(dir, kem, {aead});
    const Vault original = sink_with_bytes();
    Report report;
    save(dir.path("cxf.cxp"), write_cxp(original, importer.request_path, report));

    const auto opened = run_reference("cxp_archive_ref.py", {"open", importer.key_path, dir.path("cxf.cxp"), dir.path("out")});
    REQUIRE(opened.status == 0);
    CHECK(opened.output == "layout top\ndocument ZmlsZS0x 5 bytes sha256 ok\n");
    CHECK(text(load(dir.path("out/documents/ZmlsZS0x"))) == "hello");
    // The index it decrypted is the vault's CXF document.
    Report read_report;
    Vault decrypted = cxf_json::read(text(load(dir.path("out/index.json"))), "index.json", {}, read_report);
    std::get<File>(decrypted.accounts[0].items[1].credentials[0]).data = load(dir.path("out/documents/ZmlsZS0x"));
    CHECK(test::to_string(test::vault_diff(original, decrypted)) == "");

    // Its checks bite: another key fails, and so does a document that is not the file's.
    const Importer other = make_importer(dir, kem, {aead}, "other");
    CHECK(run_reference("cxp_archive_ref.py", {"open", other.key_path, dir.path("cxf.cxp"), dir.path("out2")}).status != 0);
    Vault changed = sink_with_bytes();
    std::get<File>(changed.accounts[0].items[1].credentials[0]).data = crypto::SecureBytes{'w', 'o', 'r', 'l', 'd'};
    const Entries changed_entries = entries_of(write_cxp(changed, importer.request_path, report));
    save(dir.path("mixed.cxp"), rebuilt(load(dir.path("cxf.cxp")), [&](Entries& entries) { entries[1] = changed_entries[1]; }));
    CHECK(run_reference("cxp_archive_ref.py", {"open", importer.key_path, dir.path("mixed.cxp"), dir.path("out3")}).status != 0);
}

TEST_CASE("cxf reads the .cxp archives the Python reference writes, in every layout it reads", "[cxp-archive][reference]") {
    const Kem kem = GENERATE(Kem::x25519_sha256, Kem::p256_sha256);
    const std::vector<std::string> flags = GENERATE(std::vector<std::string>{}, std::vector<std::string>{"--shared"},
                                                    std::vector<std::string>{"--cxporter", "--shared"},
                                                    std::vector<std::string>{"--cxporter", "--no-suffix"});
    CAPTURE(flags);
    const test::TempDir dir;
    const Importer importer = make_importer(dir, kem, {Aead::chacha20_poly1305, Aead::aes256_gcm});
    const Vault original = sink_with_bytes();
    write_plaintext(dir, original, "hello");
    REQUIRE(seal(dir, importer, flags).status == 0);

    Report report;
    const Vault v = read_cxp(load(dir.path("py.cxp")), importer.key_path, report);
    CHECK(test::to_string(test::vault_diff(original, v)) == "");
}

TEST_CASE("a document the Python reference sealed whose hash does not match is refused", "[cxp-archive][reference][malformed]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir);
    write_plaintext(dir, sink_with_bytes(), GENERATE(std::string_view("hellO"), std::string_view("hello!")));
    REQUIRE(seal(dir, importer, {"--cxporter", "--shared"}).status == 0);
    const Error e = read_error(load(dir.path("py.cxp")), importer.key_path);
    CHECK(e.code() == Errc::integrity);
    CHECK(e.where().place == "CXP-Export/documents/ZmlsZS0x.jwe");
    CHECK_THAT(e.what(), Catch::Contains("document of file 'ZmlsZS0x'"));
}

TEST_CASE("missing and extra documents in a Python-sealed archive are refused", "[cxp-archive][reference][malformed]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir);
    write_plaintext(dir, sink_with_bytes(), "hello");
    SECTION("missing") {
        std::filesystem::remove(dir.path("documents/" + std::string(sink_file_id)));
        REQUIRE(seal(dir, importer, {}).status == 0);
        const Error e = read_error(load(dir.path("py.cxp")), importer.key_path);
        CHECK(e.code() == Errc::malformed);
        CHECK_THAT(e.what(), Catch::Contains("'ZmlsZS0x' has no document"));
    }
    SECTION("extra") {
        save(dir.path("documents/ZXh0cmE"), crypto::SecureBytes{'x'});
        REQUIRE(seal(dir, importer, {"--shared"}).status == 0);
        const Error e = read_error(load(dir.path("py.cxp")), importer.key_path);
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().place == "documents/ZXh0cmE.jwe");
    }
}
