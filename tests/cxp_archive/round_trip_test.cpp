// SPDX-License-Identifier: MIT
// The .cxp archive through the "cxp" format: everything survives, the layout and JWE headers are the
// ones docs/formats/cxp.md describes, and the variants other exporters write are read.
#include <catch2/catch.hpp>

#include "cxf/cxp/jwe.h"
#include "cxf/cxp/jwk.h"
#include "cxf/formats/registry.h"
#include "tests/cxp_archive/support.h"
#include "tests/support/json_diff.h"

using namespace cxf;
using namespace test::cxp_archive;
using cxp::hpke::Aead;
using cxp::hpke::Kem;

namespace {

std::size_t history_versions(const Vault& v) {
    std::size_t n = 0;
    for (const Item& item : v.accounts[0].items) n += item.history.size();
    return n;
}

template <typename T>
std::size_t count_of(const Vault& v) {
    std::size_t n = 0;
    for (const Item& item : v.accounts[0].items)
        for (const Credential& c : item.credentials) n += std::holds_alternative<T>(c) ? 1 : 0;
    return n;
}

std::vector<std::string> names(const Entries& entries) {
    std::vector<std::string> out;
    for (const auto& entry : entries) out.push_back(entry.first);
    return out;
}

}  // namespace

TEST_CASE("a .cxp archive keeps everything, attachment bytes included", "[cxp-archive]") {
    const Kem kem = GENERATE(Kem::x25519_sha256, Kem::p256_sha256);
    const Aead aead = GENERATE(Aead::aes256_gcm, Aead::chacha20_poly1305, Aead::aes128_gcm);
    CAPTURE(cxp::hpke::suite_name({kem, cxp::hpke::Kdf::hkdf_sha256, aead}));
    const test::TempDir dir;
    const Importer importer = make_importer(dir, kem, {aead});
    const Vault original = sink_with_bytes();
    // The kitchen sink must really hold what this test claims to carry.
    REQUIRE(count_of<Passkey>(original) == 1);
    REQUIRE(count_of<Totp>(original) == 1);
    REQUIRE(history_versions(original) == 1);

    Report report;
    const crypto::SecureBytes archive = write_cxp(original, importer.request_path, report);
    CHECK(report.notices().empty());
    const Entries entries = entries_of(archive);
    CHECK(names(entries) == std::vector<std::string>{"index.jwe", std::string(sink_document)});

    const std::string alg = *cxp::jwe_alg({kem, cxp::hpke::Kdf::hkdf_sha256, aead});
    const std::string kid = cxp::jwk_thumbprint(importer.key.public_key());
    for (const auto& [name, data] : entries) {
        CAPTURE(name);
        const std::string header = protected_header(text(data));
        CHECK_THAT(header, Catch::StartsWith("{\"alg\":\"" + alg + "\""));
        CHECK_THAT(header, Catch::Contains("\"kid\":\"" + kid + "\""));
    }

    Report read_report;
    const Vault again = read_cxp(archive, importer.key_path, read_report);
    CHECK(test::to_string(test::vault_diff(original, again)) == "");
    const auto& file = std::get<File>(again.accounts[0].items[1].credentials[0]);
    REQUIRE(file.data);
    CHECK(text(*file.data) == "hello");
}

TEST_CASE("each JWE of a .cxp archive has its own HPKE context, and nothing in it is plaintext", "[cxp-archive]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir);
    Report report;
    const crypto::SecureBytes archive = write_cxp(sink_with_bytes(), importer.request_path, report);
    const Entries entries = entries_of(archive);
    REQUIRE(entries.size() == 2);
    const std::string index = protected_header(text(entries[0].second));
    const std::string document = protected_header(text(entries[1].second));
    const auto epk = [](const std::string& header) { return header.substr(header.find("\"epk\"")); };
    CHECK(epk(index) != epk(document));
    // Stored entries too would show a plaintext; deflated JWE text is all there is.
    for (const auto& [name, data] : entries) {
        CHECK(text(data).find("Login with everything") == std::string::npos);
        CHECK(text(data).find("hello") == std::string::npos);
    }
    CHECK(text(archive).find("Login with everything") == std::string::npos);
}

TEST_CASE("a .cxp archive is recognised by its content and described without the key", "[cxp-archive]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir, Kem::p256_sha256, {Aead::chacha20_poly1305});
    Report report;
    const crypto::SecureBytes archive = write_cxp(sink_with_bytes(), importer.request_path, report);
    CHECK(cxp_format().detect(archive, "x") == Confidence::yes);
    CHECK(find_format("cxf-archive")->detect(archive, "x") == Confidence::no);
    CHECK(detect_format(Input{"x", archive}).id == "cxp");
    CHECK(format_for_path("out.cxp") == &cxp_format());

    const std::vector<Property> properties = cxp_format().describe(Input{"a.cxp", archive}, {});
    std::vector<std::string> lines;
    for (const Property& p : properties) lines.push_back(p.name + ": " + p.value);
    CHECK(lines == std::vector<std::string>{
                       "layout: index.jwe and documents/ at the top",
                       "documents: 1",
                       "index alg: HPKE-Base-P256-SHA256-ChaCha20Poly1305",
                       "index enc: C20P",
                       "index kid: " + cxp::jwk_thumbprint(importer.key.public_key()),
                   });
}

TEST_CASE("the request's first usable offer is the one encrypted to", "[cxp-archive]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir, Kem::x25519_sha256, {Aead::aes128_gcm, Aead::aes256_gcm});
    cxp::ExportRequest request;
    request.importer = "importer.example";
    request.hpke.push_back({cxp::hpke::Mode::auth, 0x0020, 0x0001, 0x0002, std::nullopt});  // auth mode: not ours
    request.hpke.push_back({cxp::hpke::Mode::base, 0x0011, 0x0002, 0x0002, std::nullopt});  // P-384: not ours
    request.hpke.push_back(cxp::make_offer({Kem::x25519_sha256, cxp::hpke::Kdf::hkdf_sha256, Aead::chacha20_poly1305},
                                           importer.key.public_key()));
    write_request(dir.path("mixed.json"), request);
    Report report;
    const crypto::SecureBytes archive = write_cxp(sink_with_bytes(), dir.path("mixed.json"), report);
    CHECK_THAT(protected_header(text(entries_of(archive)[0].second)), Catch::Contains("\"enc\":\"C20P\""));
    Report read_report;
    CHECK(test::vault_diff(sink_with_bytes(), read_cxp(archive, importer.key_path, read_report)).empty());
}

TEST_CASE("the CXP-Export/ variant and documents without .jwe are read, and unknown entries reported", "[cxp-archive]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir);
    Report report;
    const crypto::SecureBytes archive = write_cxp(sink_with_bytes(), importer.request_path, report);
    const bool suffix = GENERATE(true, false);
    CAPTURE(suffix);
    const crypto::SecureBytes variant = rebuilt(archive, [&](Entries& entries) {
        for (auto& [name, data] : entries) {
            if (!suffix && name == sink_document) name = "documents/" + std::string(sink_file_id);
            name = "CXP-Export/" + name;
        }
        entries.emplace_back("CXP-Export/README.txt", crypto::SecureBytes{'h', 'i'});
    });
    CHECK(cxp_format().describe(Input{"v.cxp", variant}, {})[0].value == "under CXP-Export/ (as cxporter writes)");
    Report read_report;
    const Vault v = read_cxp(variant, importer.key_path, read_report);
    CHECK(test::vault_diff(sink_with_bytes(), v).empty());
    bool reported = false;
    for (const Notice& n : read_report.notices())
        reported |= n.kind == NoticeKind::skipped && n.place == "CXP-Export/README.txt";
    CHECK(reported);
}

TEST_CASE("a file credential without bytes is reported lost and left out of the archive", "[cxp-archive]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir);
    Vault v = sink_with_bytes();
    std::get<File>(v.accounts[0].items[1].credentials[0]).data.reset();
    Report report;
    const crypto::SecureBytes archive = write_cxp(v, importer.request_path, report);
    REQUIRE(report.count(NoticeKind::lost) == 1);
    CHECK(report.notices()[0].field == "attachment:scan.pdf");
    CHECK(names(entries_of(archive)) == std::vector<std::string>{"index.jwe"});
    Report read_report;
    const Vault again = read_cxp(archive, importer.key_path, read_report);
    CHECK_FALSE(std::holds_alternative<File>(again.accounts[0].items[1].credentials[0]));
}

TEST_CASE("the .cxp format names the option it needs when it is missing", "[cxp-archive]") {
    const test::TempDir dir;
    const Importer importer = make_importer(dir);
    Report report;
    const crypto::SecureBytes archive = write_cxp(sink_with_bytes(), importer.request_path, report);
    try {
        cxp_format().read(Input{"a.cxp", archive}, {}, report);
        FAIL("read without a key");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::usage);
        CHECK_THAT(e.message([](std::string_view o) { return "<" + std::string(o) + ">"; }), Catch::Contains("give <cxp.identity>"));
    }
    try {
        io::MemoryOutput out;
        cxp_format().write(sink_with_bytes(), out, {}, report);
        FAIL("written without a recipient");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::usage);
        CHECK_THAT(e.message([](std::string_view o) { return "<" + std::string(o) + ">"; }), Catch::Contains("give <out.cxp.recipient>"));
    }
}

TEST_CASE("the fixture sealed by the Python reference like cxporter is read", "[cxp-archive]") {
    Report report;
    const Vault v = read_cxp(test::read_testdata("cxp/cxporter-shared-context.cxp").bytes,
                             test::testdata("cxp/importer-x25519.pem"), report);
    Report plain_report;
    Vault expected = test::read_fixture("cxp/payload.cxf.json", plain_report);
    const std::string attachment = "hello attachment\n";
    std::get<File>(expected.accounts[0].items[1].credentials[1]).data =
        crypto::SecureBytes(attachment.begin(), attachment.end());
    CHECK(test::to_string(test::vault_diff(expected, v)) == "");
}
