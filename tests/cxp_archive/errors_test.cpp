// SPDX-License-Identifier: MIT
// What goes wrong with a .cxp archive, and the distinct error each fault gives: damaged ciphertext,
// a wrong key, truncation, documents missing, extra or swapped, unsupported suites.
#include <catch2/catch.hpp>

#include "cxf/encoding/base64.h"
#include "tests/cxp_archive/support.h"

using namespace cxf;
using namespace test::cxp_archive;
using cxp::hpke::Aead;
using cxp::hpke::Kem;

namespace {

struct Setup {
    test::TempDir dir;
    Importer importer = make_importer(dir);
    crypto::SecureBytes archive = [this] {
        Report report;
        return write_cxp(sink_with_bytes(), importer.request_path, report);
    }();
};

// The archive with one byte of `entry`'s ciphertext part flipped (the JWE stays well-formed).
crypto::SecureBytes tampered(const crypto::SecureBytes& archive, std::string_view entry) {
    return rebuilt(archive, [&](Entries& entries) {
        for (auto& [name, data] : entries) {
            if (name != entry) continue;
            std::string jwe = text(data);
            const std::size_t ciphertext = jwe.find('.', jwe.find('.', jwe.find('.') + 1) + 1) + 1;
            jwe[ciphertext] = jwe[ciphertext] == 'A' ? 'B' : 'A';
            data.assign(jwe.begin(), jwe.end());
        }
    });
}

Error write_error(const std::string& request_path) {
    Report report;
    try {
        write_cxp(sink_with_bytes(), request_path, report);
    } catch (const Error& e) {
        return e;
    }
    FAIL("written without an error");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a tampered ciphertext is an integrity error naming the entry", "[cxp-archive][malformed]") {
    const Setup s;
    const std::string entry = GENERATE(std::string("index.jwe"), std::string(sink_document));
    CAPTURE(entry);
    const Error e = read_error(tampered(s.archive, entry), s.importer.key_path);
    CHECK(e.code() == Errc::integrity);
    CHECK(e.where().file == "a.cxp:" + entry);
    CHECK_THAT(e.where().place, Catch::Contains("(ciphertext)"));
    CHECK_THAT(e.what(), Catch::Contains("damaged"));
}

TEST_CASE("a wrong private key is wrong_password, told apart from damage", "[cxp-archive][malformed]") {
    const Setup s;
    const Kem kem = GENERATE(Kem::x25519_sha256, Kem::p256_sha256);
    const Importer other = make_importer(s.dir, kem, {Aead::aes256_gcm}, "other");
    const Error e = read_error(s.archive, other.key_path);
    CHECK(e.code() == Errc::wrong_password);
    CHECK(e.where().file == "a.cxp:index.jwe");
    CHECK_THAT(e.what(), Catch::Contains("encrypted to a different key"));
}

TEST_CASE("a truncated .cxp archive is malformed", "[cxp-archive][malformed]") {
    const Setup s;
    const std::size_t keep = GENERATE(0, 10, 100, 1000);
    const std::size_t size = std::min(keep, s.archive.size() - 1);
    CAPTURE(size);
    const crypto::SecureBytes cut(s.archive.begin(), s.archive.begin() + static_cast<std::ptrdiff_t>(size));
    const Error e = read_error(cut, s.importer.key_path);
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().file == "a.cxp");
    // The end of a zip is its directory: losing only the last bytes is caught as well.
    const crypto::SecureBytes short_by_one(s.archive.begin(), s.archive.end() - 1);
    CHECK(read_error(short_by_one, s.importer.key_path).code() == Errc::malformed);
}

TEST_CASE("missing, extra and swapped documents are errors naming the file id", "[cxp-archive][malformed]") {
    const Setup s;
    const Error missing = read_error(rebuilt(s.archive, [](Entries& entries) { entries.pop_back(); }), s.importer.key_path);
    CHECK(missing.code() == Errc::malformed);
    CHECK(missing.where().place == "/accounts/0/items/1/credentials/0");
    CHECK_THAT(missing.what(), Catch::Contains("'ZmlsZS0x' has no document in the archive (documents/ZmlsZS0x.jwe)"));

    const crypto::SecureBytes extra = rebuilt(s.archive, [](Entries& entries) {
        entries.emplace_back("documents/c3RyYXk.jwe", entries.back().second);
    });
    const Error stray = read_error(extra, s.importer.key_path);
    CHECK(stray.code() == Errc::malformed);
    CHECK(stray.where().place == "documents/c3RyYXk.jwe");
    CHECK_THAT(stray.what(), Catch::Contains("no file credential names"));

    const Error no_index = read_error(rebuilt(s.archive, [](Entries& entries) { entries.erase(entries.begin()); }),
                                      s.importer.key_path);
    CHECK(no_index.code() == Errc::malformed);
    CHECK_THAT(no_index.what(), Catch::Contains("no index.jwe"));

    // A document encrypted to the same key for another archive: it opens, but is not this file.
    Vault other_vault = sink_with_bytes();
    std::get<File>(other_vault.accounts[0].items[1].credentials[0]).data = crypto::SecureBytes{'w', 'o', 'r', 'l', 'd'};
    Report report;
    const Entries other_entries = entries_of(write_cxp(other_vault, s.importer.request_path, report));
    const crypto::SecureBytes swapped = rebuilt(s.archive, [&](Entries& entries) { entries[1].second = other_entries[1].second; });
    const Error mismatch = read_error(swapped, s.importer.key_path);
    CHECK(mismatch.code() == Errc::integrity);
    CHECK(mismatch.where().place == sink_document);
    CHECK_THAT(mismatch.what(), Catch::Contains("'ZmlsZS0x' does not match its integrityHash"));
}

TEST_CASE("a document encrypted to another key is damage once the index opened", "[cxp-archive][malformed]") {
    const Setup s;
    const Importer other = make_importer(s.dir, Kem::x25519_sha256, {Aead::aes256_gcm}, "other");
    Report report;
    const Entries foreign = entries_of(write_cxp(sink_with_bytes(), other.request_path, report));
    const crypto::SecureBytes mixed = rebuilt(s.archive, [&](Entries& entries) { entries[1].second = foreign[1].second; });
    const Error e = read_error(mixed, s.importer.key_path);
    CHECK(e.code() == Errc::integrity);
    CHECK(e.where().file == "a.cxp:" + std::string(sink_document));
    CHECK_THAT(e.what(), Catch::Contains("the same key opened the index"));
}

TEST_CASE("an archive in a suite cxf does not implement is unsupported", "[cxp-archive][malformed]") {
    const Setup s;
    const crypto::SecureBytes renamed = rebuilt(s.archive, [](Entries& entries) {
        std::string jwe = text(entries[0].second);
        std::string header = protected_header(jwe);
        const std::string from = "HPKE-Base-X25519-SHA256-AES256GCM";
        header.replace(header.find(from), from.size(), "HPKE-Base-X448-SHA512-AES256GCM");
        jwe = encoding::base64url_encode(as_bytes(header)) + jwe.substr(jwe.find('.'));
        entries[0].second.assign(jwe.begin(), jwe.end());
    });
    const Error e = read_error(renamed, s.importer.key_path);
    CHECK(e.code() == Errc::unsupported);
    CHECK(e.where().place == "protected header/alg");
    CHECK_THAT(e.what(), Catch::Contains("unsupported JWE alg 'HPKE-Base-X448-SHA512-AES256GCM'"));
}

TEST_CASE("a request cxf cannot answer names the CXP error", "[cxp-archive][malformed]") {
    const test::TempDir dir;
    const cxp::hpke::PrivateKey key = cxp::hpke::PrivateKey::generate(Kem::x25519_sha256);
    cxp::ExportRequest request;
    request.importer = "importer.example";

    SECTION("no offer in a suite cxf implements") {
        cxp::HpkeParameters export_only = cxp::make_offer({Kem::x25519_sha256, cxp::hpke::Kdf::hkdf_sha256, Aead::aes256_gcm}, key.public_key());
        export_only.aead = 0xFFFF;
        cxp::HpkeParameters p384 = cxp::make_offer({Kem::x25519_sha256, cxp::hpke::Kdf::hkdf_sha256, Aead::aes256_gcm}, key.public_key());
        p384.kem = 0x0011;
        request.hpke = {export_only, p384};
        write_request(dir.path("r.json"), request);
        const Error e = write_error(dir.path("r.json"));
        CHECK(e.code() == Errc::unsupported);
        CHECK(e.where().place == "/hpke");
        CHECK_THAT(e.what(), Catch::StartsWith("IncompatibleHpkeParameters: "));
    }
    SECTION("a version other than 0") {
        request.version = 1;
        request.hpke = {cxp::make_offer({}, key.public_key())};
        write_request(dir.path("r.json"), request);
        const Error e = write_error(dir.path("r.json"));
        CHECK(e.code() == Errc::unsupported);
        CHECK_THAT(e.what(), Catch::StartsWith("UnsupportedVersion: "));
    }
    SECTION("an offer without a key") {
        request.hpke = {cxp::make_offer({}, key.public_key())};
        request.hpke[0].key.reset();
        write_request(dir.path("r.json"), request);
        const Error e = write_error(dir.path("r.json"));
        CHECK(e.code() == Errc::malformed);
        CHECK_THAT(e.what(), Catch::StartsWith("MissingImporterKey: "));
    }
    SECTION("a request that is not JSON") {
        test::cxp_archive::save(dir.path("r.json"), crypto::SecureBytes{'{', '"'});
        CHECK(write_error(dir.path("r.json")).code() == Errc::malformed);
    }
}
