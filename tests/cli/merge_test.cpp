// SPDX-License-Identifier: MIT
// `cxf merge`: a KeePass database and a Bitwarden export that share a passkey and logins become one
// vault with each credential once; conflicts are listed without values; --dry-run, --strict, a
// wrong password for one input, and the help.
#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {

// passkey-test (testdata/kdbx/PROVENANCE.md); the Bitwarden export shares its webauthn.io passkey
// (older, with a TOTP and another password) and its Multi-URL login (newer, another password), and
// holds one login twice (testdata/bitwarden/PROVENANCE.md).
const std::string kdbx = test::testdata("kdbx/generated/passkeys-pykeepass.kdbx");
const std::string bitwarden = test::testdata("bitwarden/synthetic-bitwarden-overlapping-kdbx-passkeys.json");
const std::string inputs = "'" + kdbx + "' '" + bitwarden + "' --password-env PW";
const std::string password = "PW=passkey-test";

}  // namespace

TEST_CASE("merge keeps each credential once and lists the conflicts without values", "[cli][merge]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "merge " + inputs + " -o merged.cxf.zip --report r.json", "/dev/null", password);
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "cxf: read 6 items, 12 credentials from " + kdbx + " (kdbx)\n"
                   "cxf: read 5 items, 7 credentials, 1 collection from " + bitwarden + " (bitwarden)\n"
                   "cxf: merged 3 duplicate item(s) into 3, 2 conflict(s)\n"
                   "  conflict: kept 'webauthn.io (Passkey)' (" + kdbx + ") over 'webauthn.io' (" + bitwarden +
                   "): basic-auth.password differ\n"
                   "  conflict: kept 'Multi-URL (Bitwarden copy)' (" + bitwarden + ") over 'Multi-URL entry' (" + kdbx +
                   "): basic-auth.password differ\n"
                   "cxf: wrote merged.cxf.zip (cxf-archive)\n");
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"merged.cxf.zip", "r.json"});
    CHECK(test::mode_of(dir.path("merged.cxf.zip")) == 0600);

    // 6 + 5 items, 3 of them duplicates; the TOTP and the attachment moved to the kept items.
    const auto inspected = run_cxf(dir, "inspect merged.cxf.zip");
    CHECK(inspected.exit_code == 0);
    CHECK_THAT(inspected.out, Catch::Contains("items: 8\n"));
    CHECK_THAT(inspected.out, Catch::Contains("  passkey: 2\n  totp: 4\n"));
    CHECK_THAT(inspected.out, Catch::Contains("attachments with bytes: 1\n"));

    const std::string report = test::read_text(dir.path("r.json"));
    CHECK_THAT(report, Catch::Contains("\"inputs\": [\n    {\n      \"path\": \"" + kdbx + "\",\n      \"format\": \"kdbx\""));
    CHECK_THAT(report, Catch::Contains("\"matchedBy\": \"passkey for webauthn.io\""));
    CHECK_THAT(report, Catch::Contains("\"matchedBy\": \"login at https://a.example.com\""));
    CHECK_THAT(report, Catch::Contains("\"matchedBy\": \"login at https://forum.example.org\""));
    CHECK_THAT(report, Catch::Contains("\"added\": [\n          \"totp\"\n        ]"));
    CHECK_THAT(report, Catch::Contains("\"added\": [\n          \"file\"\n        ]"));
    CHECK_THAT(report, Catch::Contains("\"fields\": [\n          \"basic-auth.password\"\n        ]"));
    for (const char* secret : {"bw-only-password", "pw-urls-v2", "pw-urls-v3", "forum-pass", "JBSWY3DPEHPK3PXP"}) {
        CHECK(report.find(secret) == std::string::npos);
        CHECK(r.err.find(secret) == std::string::npos);
    }
}

TEST_CASE("merge --dry-run writes nothing but the report", "[cli][merge]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "merge " + inputs + " -o merged.bitwarden.json --dry-run --report r.json", "/dev/null", password);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("cxf: dry run: merged.bitwarden.json (bitwarden) not written\n"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
    CHECK_THAT(test::read_text(dir.path("r.json")), Catch::Contains("\"dryRun\": true"));
}

TEST_CASE("merge --strict writes nothing when the output cannot hold everything", "[cli][merge]") {
    test::TempDir dir;
    const auto refused = run_cxf(dir, "merge " + inputs + " -o merged.bitwarden.csv --strict", "/dev/null", password);
    CHECK(refused.exit_code == 4);
    CHECK_THAT(refused.err, Catch::Contains("--strict: nothing written"));
    CHECK(list_dir(dir.root().string()).empty());
    const auto written = run_cxf(dir, "merge " + inputs + " -o merged.cxf.zip --strict", "/dev/null", password);
    CHECK(written.exit_code == 0);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"merged.cxf.zip"});
}

TEST_CASE("merge with a wrong password for one input exits 3 naming it, and writes nothing", "[cli][merge]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "merge '" + bitwarden + "' '" + kdbx + "' -o merged.cxf.zip --password-env PW --report r.json",
                           "/dev/null", "PW=not-it");
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::StartsWith("cxf: " + kdbx + ": "));
    CHECK(r.err.find("not-it") == std::string::npos);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
    const std::string report = test::read_text(dir.path("r.json"));
    CHECK_THAT(report, Catch::Contains("\"code\": \"wrong_password\""));
    CHECK_THAT(report, Catch::Contains("\"written\": false"));
}

TEST_CASE("merge without a password source or a terminal names the input that needs one", "[cli][merge]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "merge '" + bitwarden + "' '" + kdbx + "' -o merged.cxf.zip");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("password required (the password of " + kdbx + ")"));
    CHECK(list_dir(dir.root().string()).empty());
}

TEST_CASE("merge takes --filter, and a read option no input takes is a usage error", "[cli][merge]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "merge " + inputs + " -o merged.cxf --filter type:passkey", "/dev/null", password);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("cxf: selected 2 of 8 items (type:passkey)\n"));
    const auto identity = run_cxf(dir, "merge " + inputs + " -o other.cxf --identity nowhere.pem", "/dev/null", password);
    CHECK(identity.exit_code == 2);
    CHECK_THAT(identity.err, Catch::Contains("--identity is an option of the cxp format, and no input is in it"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"merged.cxf"});
}

TEST_CASE("merge has its help, and the command list names it", "[cli][merge]") {
    test::TempDir dir;
    const auto help = run_cxf(dir, "merge --help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::StartsWith("usage: cxf merge INPUT... -o OUTPUT [options]"));
    CHECK_THAT(help.out, Catch::Contains("--filter"));
    CHECK_THAT(help.out, Catch::Contains("--out-password-file"));
    CHECK(help.out.find("--from") == std::string::npos);
    CHECK_THAT(run_cxf(dir, "--help").out, Catch::Contains("  merge     merge INPUT... -o OUTPUT"));
    CHECK(run_cxf(dir, "merge only-one-option -o").exit_code == 2);
}
