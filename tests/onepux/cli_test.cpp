// SPDX-License-Identifier: MIT
// 1PUX through the real `cxf` program: convert to CXF that validates, the loss summary naming the
// passkey 1PUX cannot move, and the documents' bytes kept in a CXF archive.
#include <catch2/catch.hpp>

#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "tests/cli/cli_run.h"
#include "tests/onepux/support.h"

using namespace cxf;
using test::run_cxf;

TEST_CASE("cxf convert reads a 1PUX into CXF that validates, and says the passkey did not move", "[onepux][cli]") {
    const test::TempDir dir;
    const auto convert = run_cxf(dir, "convert " + test::testdata(onepux_test::every_category) + " out.cxf");
    CAPTURE(convert.err);
    REQUIRE(convert.exit_code == 0);
    CHECK_THAT(convert.err, Catch::Contains("(1pux)"));
    CHECK_THAT(convert.err, Catch::Contains("lost: /accounts/0/vaults/0/items/0/details/passkey (item 'Login With Extras') passkey:"));
    CHECK_THAT(convert.err, Catch::Contains("credential exchange (CXP)"));
    CHECK_THAT(convert.err, !Catch::Contains("hunter2") && !Catch::Contains("sk-test-123"));

    const auto validate = run_cxf(dir, "validate out.cxf");
    CAPTURE(validate.out);
    CHECK(validate.exit_code == 0);
    CHECK_THAT(validate.out, Catch::Contains("out.cxf: valid (0 error(s)"));
}

TEST_CASE("cxf formats lists 1pux as read and written, losing passkeys and unknown data", "[onepux][cli]") {
    const test::TempDir dir;
    const auto r = run_cxf(dir, "formats");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("1pux            yes    yes    1Password 1PUX export"));
    CHECK_THAT(r.out, Catch::Contains("loses:   passkeys unknown-data\n                output extensions: .1pux"));
}

TEST_CASE("a 1PUX converted to a CXF archive keeps the document's bytes", "[onepux][cli]") {
    const test::TempDir dir;
    const auto convert = run_cxf(dir, "convert " + test::testdata(onepux_test::keepassxc_sample) + " out.cxf.zip");
    CAPTURE(convert.err);
    REQUIRE(convert.exit_code == 0);
    Report report;
    const Vault vault = find_format("cxf-archive")->read(io::read_input(dir.path("out.cxf.zip"), {}), {}, report);
    const File& file = onepux_test::only<File>(onepux_test::item_titled(vault, "KeePassXC Logo"));
    REQUIRE(file.data);
    CHECK(file.data->size() == 18422);
    CHECK(encoding::hex_encode(crypto::sha256({*file.data})) ==
          "e96f853be511057b4c2e2fdd3c495ed33d322d55b8798734e81a5a726afa385c");
}

TEST_CASE("cxf convert writes a CXF file as 1PUX and reads it back, naming the passkey it could not carry", "[onepux][cli]") {
    const test::TempDir dir;
    const auto to_1pux = run_cxf(dir, "convert " + test::testdata("cxf/spec-appendix-a-ps-20250814.json") + " out.1pux");
    CAPTURE(to_1pux.err);
    REQUIRE(to_1pux.exit_code == 0);
    CHECK_THAT(to_1pux.err, Catch::Contains("wrote out.1pux (1pux)"));
    CHECK_THAT(to_1pux.err, Catch::Contains("(item 'WebAuthn.io') passkey: 1Password imports passkeys only through credential exchange"));

    const auto back = run_cxf(dir, "convert out.1pux back.cxf");
    CAPTURE(back.err);
    REQUIRE(back.exit_code == 0);
    CHECK_THAT(back.err, Catch::Contains("(1pux)"));
    Report report;
    const Vault vault = find_format("cxf")->read(io::read_input(dir.path("back.cxf"), {}), {}, report);
    const Item& wifi = onepux_test::item_titled(vault, "Wifi");
    CHECK(onepux_test::value(onepux_test::only<Wifi>(wifi).ssid) != "<absent>");
}
