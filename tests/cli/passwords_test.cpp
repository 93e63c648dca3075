// SPDX-License-Identifier: MIT
// Where `cxf` takes passwords from, and the exit codes around them: a file (minus one trailing
// newline), an environment variable, a file descriptor; none without a terminal; a wrong one.
#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {
// Bitwarden password-protected export, PBKDF2 100 000 iterations, password "a" (testdata/bitwarden/PROVENANCE.md).
const std::string protected_export = test::testdata("bitwarden/keepassxc-bitwarden_encrypted_export.json");
}  // namespace

TEST_CASE("a password file is its content minus one trailing newline", "[cli][password]") {
    test::TempDir dir;
    for (const char* content : {"a", "a\n", "a\r\n"}) {
        CAPTURE(content);
        test::write_file(dir.path("pw"), content);
        const auto r = run_cxf(dir, "convert '" + protected_export + "' out.cxf --force --password-file pw");
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, Catch::Contains("read 1 item"));
    }
    // Only one newline goes: "a\n\n" is the password "a\n", which is wrong.
    test::write_file(dir.path("pw"), "a\n\n");
    CHECK(run_cxf(dir, "convert '" + protected_export + "' out2.cxf --password-file pw").exit_code == 3);
}

TEST_CASE("a password from an environment variable or a file descriptor", "[cli][password]") {
    test::TempDir dir;
    CHECK(run_cxf(dir, "convert '" + protected_export + "' env.cxf --password-env CXF_PW", "/dev/null", "CXF_PW=a").exit_code == 0);
    test::write_file(dir.path("pw"), "a\n");
    CHECK(run_cxf(dir, "convert '" + protected_export + "' fd.cxf --password-fd 3 3<pw").exit_code == 0);
    const auto unset = run_cxf(dir, "convert '" + protected_export + "' x.cxf --password-env CXF_NOT_SET");
    CHECK(unset.exit_code == 2);
    CHECK_THAT(unset.err, Catch::Contains("CXF_NOT_SET is not set"));
    CHECK(run_cxf(dir, "convert '" + protected_export + "' x.cxf --password-env A --password-fd 3").exit_code == 2);
}

TEST_CASE("without a password source or a terminal, a protected input is a usage error", "[cli][password]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + protected_export + "' out.cxf");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("password required"));
    CHECK_THAT(r.err, Catch::Contains("--password-file"));
    CHECK(list_dir(dir.root().string()).empty());
}

TEST_CASE("a wrong password exits 3 and writes nothing", "[cli][password]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + protected_export + "' out.cxf --password-env PW --report r.json", "/dev/null",
                           "PW=not-it");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("wrong password"));
    CHECK(r.err.find("not-it") == std::string::npos);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
    CHECK_THAT(test::read_text(dir.path("r.json")), Catch::Contains("\"code\": \"wrong_password\""));
}

TEST_CASE("an output password protects what is written, and is asked for only then", "[cli][password]") {
    test::TempDir dir;
    const std::string plain = test::testdata("bitwarden/synthetic-bitwarden-plain-with-passkeys.json");
    REQUIRE(run_cxf(dir, "convert '" + plain + "' p.bitwarden.json --bitwarden-encrypt --bitwarden-kdf-iterations 5000 "
                         "--out-password-env OUT_PW", "/dev/null", "OUT_PW=s3cret").exit_code == 0);
    CHECK_THAT(test::read_text(dir.path("p.bitwarden.json")), Catch::Contains("\"passwordProtected\": true"));
    CHECK(test::read_text(dir.path("p.bitwarden.json")).find("s3cret") == std::string::npos);
    CHECK(run_cxf(dir, "convert p.bitwarden.json back.cxf --password-env PW", "/dev/null", "PW=s3cret").exit_code == 0);
    CHECK(run_cxf(dir, "convert p.bitwarden.json back2.cxf --password-env PW", "/dev/null", "PW=wrong").exit_code == 3);
    // Encrypting without an output password source and no terminal: usage error, nothing written.
    const auto none = run_cxf(dir, "convert '" + plain + "' q.bitwarden.json --bitwarden-encrypt");
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Catch::Contains("--out-password-file"));
    const auto files = list_dir(dir.root().string());
    CHECK(std::find(files.begin(), files.end(), "q.bitwarden.json") == files.end());
}

TEST_CASE("strict mode refuses to write when the output would lose something (exit 4)", "[cli]") {
    test::TempDir dir;
    const std::string plain = test::testdata("bitwarden/synthetic-bitwarden-plain-with-passkeys.json");
    const auto r = run_cxf(dir, "convert '" + plain + "' out.bitwarden.csv --strict --report r.json");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.err, Catch::Contains("--strict: nothing written"));
    CHECK_THAT(r.err, Catch::Contains("passkey"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
    const std::string report = test::read_text(dir.path("r.json"));
    CHECK_THAT(report, Catch::Contains("\"exitCode\": 4"));
    CHECK_THAT(report, Catch::Contains("\"kind\": \"lost\""));
    // Without --strict the same conversion writes and lists the losses.
    const auto lenient = run_cxf(dir, "convert '" + plain + "' out.bitwarden.csv");
    CHECK(lenient.exit_code == 0);
    CHECK_THAT(lenient.err, Catch::Contains("not carried"));
}
