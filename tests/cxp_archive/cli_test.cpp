// SPDX-License-Identifier: MIT
// The .cxp archive through the real `cxf` program: cxp keygen, convert --recipient and --identity,
// exit codes, and no output left behind when something is wrong.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cxf/cxp/jwk.h"
#include "cxf/formats/registry.h"
#include "cxf/json/cursor.h"
#include "cxf/json/tape.h"
#include "tests/cli/cli_run.h"
#include "tests/cxp_archive/support.h"
#include "tests/support/json_diff.h"

using namespace cxf;
using namespace test::cxp_archive;
using test::list_dir;
using test::run_cxf;

namespace {

using Files = std::vector<std::string>;

// The kitchen sink with its attachment, as a plain CXF archive: an input the CLI reads with bytes.
void write_sink_archive(const test::TempDir& dir, const std::string& name) {
    Report report;
    io::MemoryOutput out;
    find_format("cxf-archive")->write(sink_with_bytes(), out, {}, report);
    save(dir.path(name), out.bytes());
}

Vault read_plain_archive(const std::string& path) {
    Report report;
    return find_format("cxf-archive")->read(io::read_input(path, {}), {}, report);
}

cxp::hpke::PublicKey offered_key(const cxp::HpkeParameters& offer) {
    json::Tape tape;
    json::parse(*offer.key, "key", {}, tape);
    const std::string base;
    return cxp::read_jwk(json::Cursor(tape, 0, base), "key");
}

}  // namespace

TEST_CASE("cxf cxp keygen writes a 0600 PKCS#8 key and the ExportRequest offering it", "[cxp-archive][cli]") {
    const test::TempDir dir;
    const auto r = run_cxf(dir, "cxp keygen key.pem request.json");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("wrote the private key key.pem"));
    CHECK(list_dir(dir.root().string()) == Files{"key.pem", "request.json"});
    CHECK(test::mode_of(dir.path("key.pem")) == 0600);
    const std::string pem = test::read_text(dir.path("key.pem"));
    CHECK_THAT(pem, Catch::StartsWith("-----BEGIN PRIVATE KEY-----\n"));
    const cxp::hpke::PrivateKey key = cxp::hpke::PrivateKey::from_pkcs8_pem(pem, "key.pem");
    CHECK(key.kem() == cxp::hpke::Kem::x25519_sha256);
    CHECK_THAT(r.err, Catch::Contains("key id " + cxp::jwk_thumbprint(key.public_key())));

    const std::string json = test::read_text(dir.path("request.json"));
    CHECK_THAT(json, Catch::StartsWith("{\"version\":0,\"hpke\":[{\"mode\":\"base\",\"kem\":32,\"kdf\":1,\"aead\":2,\"key\":{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":"));
    const cxp::ExportRequest request = cxp::read_export_request(json, "request.json");
    CHECK(request.version == 0);
    CHECK(request.importer == "cxf.local");
    REQUIRE(request.hpke.size() == 3);
    const std::uint16_t aeads[] = {2, 3, 1};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(request.hpke[i].mode == cxp::hpke::Mode::base);
        CHECK(request.hpke[i].kem == 0x0020);
        CHECK(request.hpke[i].kdf == 1);
        CHECK(request.hpke[i].aead == aeads[i]);
        CHECK(offered_key(request.hpke[i]) == key.public_key());
    }
    REQUIRE(request.credential_types);
    const auto known = known_credential_types();
    CHECK(*request.credential_types == std::vector<std::string>(known.begin(), known.end()));
    CHECK(request.credential_types->size() == 17);
    CHECK(request.known_extensions == std::vector<std::string>{"shared"});
}

TEST_CASE("cxf cxp keygen takes --kem p256 and --importer, and replaces files only with --force", "[cxp-archive][cli]") {
    const test::TempDir dir;
    REQUIRE(run_cxf(dir, "cxp keygen key.pem request.json --kem p256 --importer importer.example").exit_code == 0);
    const cxp::ExportRequest request = cxp::read_export_request(test::read_text(dir.path("request.json")), "r");
    CHECK(request.importer == "importer.example");
    CHECK(request.hpke[0].kem == 0x0010);
    const std::string pem = test::read_text(dir.path("key.pem"));
    CHECK(cxp::hpke::PrivateKey::from_pkcs8_pem(pem, "key.pem").kem() == cxp::hpke::Kem::p256_sha256);

    const auto refused = run_cxf(dir, "cxp keygen key.pem other.json");
    CHECK(refused.exit_code == 5);
    CHECK_THAT(refused.err, Catch::Contains("key.pem: already exists; use --force"));
    CHECK(list_dir(dir.root().string()) == Files{"key.pem", "request.json"});
    CHECK(test::read_text(dir.path("key.pem")) == pem);

    CHECK(run_cxf(dir, "cxp keygen key.pem request.json --force").exit_code == 0);
    CHECK(test::read_text(dir.path("key.pem")) != pem);
    CHECK(test::mode_of(dir.path("key.pem")) == 0600);

    CHECK(run_cxf(dir, "cxp keygen a.pem b.json --kem x448").exit_code == 2);
    CHECK(run_cxf(dir, "cxp keygen same same").exit_code == 2);
    CHECK(run_cxf(dir, "cxp keygen - b.json").exit_code == 2);
    CHECK(run_cxf(dir, "cxp keygen a.pem").exit_code == 2);
    CHECK(run_cxf(dir, "cxp frobnicate").exit_code == 2);
    CHECK(run_cxf(dir, "cxp").exit_code == 2);
    CHECK(list_dir(dir.root().string()) == Files{"key.pem", "request.json"});
}

TEST_CASE("cxf convert encrypts to a request and decrypts with the key, attachments included", "[cxp-archive][cli]") {
    const test::TempDir dir;
    write_sink_archive(dir, "in.cxf.zip");
    REQUIRE(run_cxf(dir, "cxp keygen key.pem request.json").exit_code == 0);

    const auto encrypted = run_cxf(dir, "convert in.cxf.zip out.cxp --recipient request.json");
    CHECK(encrypted.exit_code == 0);
    CHECK_THAT(encrypted.err, Catch::Contains("wrote out.cxp (cxp)"));
    CHECK(test::mode_of(dir.path("out.cxp")) == 0600);

    const auto inspected = run_cxf(dir, "inspect out.cxp --identity key.pem");
    CHECK(inspected.exit_code == 0);
    CHECK_THAT(inspected.out, Catch::Contains("format: cxp"));
    CHECK_THAT(inspected.out, Catch::Contains("index alg: HPKE-Base-X25519-SHA256-AES256GCM"));
    CHECK_THAT(inspected.out, Catch::Contains("attachments with bytes: 1"));

    const auto decrypted = run_cxf(dir, "convert out.cxp back.cxf.zip --identity key.pem");
    CHECK(decrypted.exit_code == 0);
    CHECK(test::to_string(test::vault_diff(sink_with_bytes(), read_plain_archive(dir.path("back.cxf.zip")))) == "");
    CHECK(list_dir(dir.root().string()) == Files{"back.cxf.zip", "in.cxf.zip", "key.pem", "out.cxp", "request.json"});
}

TEST_CASE("cxf convert: each .cxp fault has its exit code and leaves no output", "[cxp-archive][cli][malformed]") {
    const test::TempDir dir;
    write_sink_archive(dir, "in.cxf.zip");
    REQUIRE(run_cxf(dir, "cxp keygen key.pem request.json").exit_code == 0);
    REQUIRE(run_cxf(dir, "cxp keygen other.pem other.json").exit_code == 0);
    REQUIRE(run_cxf(dir, "convert in.cxf.zip good.cxp --recipient request.json").exit_code == 0);
    const crypto::SecureBytes good = load(dir.path("good.cxp"));
    const Files before = list_dir(dir.root().string());

    struct Case {
        std::string name, command;
        int exit_code;
        std::string message;
    };
    std::vector<Case> cases{
        {"no --recipient", "convert in.cxf.zip out.cxp", 2, "give --recipient FILE"},
        {"no --identity", "convert good.cxp out.cxf.zip", 2, "give --identity FILE"},
        {"--identity for a plain input", "convert in.cxf.zip out.cxf.zip --identity key.pem", 2,
         "--identity is an option of the cxp format, not of cxf-archive"},
        {"wrong key", "convert good.cxp out.cxf.zip --identity other.pem", 3, "encrypted to a different key"},
        {"not a key", "convert good.cxp out.cxf.zip --identity request.json", 1, "request.json"},
        {"tampered", "convert tampered.cxp out.cxf.zip --identity key.pem", 1, "the data is damaged"},
        {"truncated", "convert truncated.cxp out.cxf.zip --identity key.pem --from cxp", 1, "truncated.cxp"},
        {"missing document", "convert missing.cxp out.cxf.zip --identity key.pem", 1, "'ZmlsZS0x' has no document"},
        {"extra document", "convert extra.cxp out.cxf.zip --identity key.pem", 1, "no file credential names"},
        {"unsupported request", "convert in.cxf.zip out.cxp --recipient p384.json", 1, "IncompatibleHpkeParameters"},
    };
    save(dir.path("tampered.cxp"), rebuilt(good, [](Entries& entries) {
        std::string jwe = text(entries[1].second);
        const std::size_t tag = jwe.rfind('.') + 1;
        jwe[tag] = jwe[tag] == 'A' ? 'B' : 'A';
        entries[1].second.assign(jwe.begin(), jwe.end());
    }));
    save(dir.path("truncated.cxp"), crypto::SecureBytes(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(good.size() / 2)));
    save(dir.path("missing.cxp"), rebuilt(good, [](Entries& entries) { entries.pop_back(); }));
    save(dir.path("extra.cxp"), rebuilt(good, [](Entries& entries) { entries.emplace_back("documents/eA.jwe", entries.back().second); }));
    {
        cxp::ExportRequest request = cxp::read_export_request(test::read_text(dir.path("request.json")), "r");
        for (cxp::HpkeParameters& offer : request.hpke) offer.kem = 0x0011;
        write_request(dir.path("p384.json"), request);
    }
    Files expected = before;
    for (const std::string name : {"extra.cxp", "missing.cxp", "p384.json", "tampered.cxp", "truncated.cxp"})
        expected.push_back(name);
    std::sort(expected.begin(), expected.end());

    for (const Case& c : cases) {
        CAPTURE(c.name);
        const auto r = run_cxf(dir, c.command);
        CHECK(r.exit_code == c.exit_code);
        CHECK_THAT(r.err, Catch::Contains(c.message));
        CHECK(list_dir(dir.root().string()) == expected);
    }
}
