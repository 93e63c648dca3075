// SPDX-License-Identifier: MIT
// The `cxf` command-line contract: commands, exit codes, '-', atomic 0600 output, --force, --strict,
// --dry-run, --report, and one clear error (file + place) with no output for bad input.
#include <catch2/catch.hpp>

#include "cxf/json/cursor.h"
#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {
const std::string spec = test::testdata("cxf/spec-appendix-a-ps-20250814.json");
// The same with a 32-byte integrity hash: valid CXF, so cxf writes it as CXF.
const std::string valid_spec = test::testdata("cxf/spec-appendix-a-32-byte-hash.json");
}

TEST_CASE("convert writes a 0600 file atomically and summarises on stderr", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + valid_spec + "' out.cxf");
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("read 14 items, 15 credentials, 1 collection"));
    CHECK_THAT(r.err, Catch::Contains("wrote out.cxf (cxf)"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"out.cxf"});
    CHECK(test::mode_of(dir.path("out.cxf")) == 0600);
    const std::string written = test::read_text(dir.path("out.cxf"));
    cxf::json::Tape tape;
    cxf::json::parse(written, "out.cxf", {}, tape);  // well-formed
    CHECK_THAT(written, Catch::Contains("\"exporterRpId\": \"exporter.example.com\""));
}

TEST_CASE("an existing output is replaced only with --force", "[cli]") {
    test::TempDir dir;
    test::write_file(dir.path("out.cxf"), "keep me");
    const auto refused = run_cxf(dir, "convert '" + valid_spec + "' out.cxf");
    CHECK(refused.exit_code == 5);
    CHECK_THAT(refused.err, Catch::Contains("out.cxf: already exists; use --force"));
    CHECK(test::read_text(dir.path("out.cxf")) == "keep me");
    const auto forced = run_cxf(dir, "convert '" + valid_spec + "' out.cxf --force");
    CHECK(forced.exit_code == 0);
    CHECK(test::read_text(dir.path("out.cxf")) != "keep me");
    CHECK(test::mode_of(dir.path("out.cxf")) == 0600);
}

TEST_CASE("'-' reads standard input and writes standard output", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert - - --to cxf --cxf-compact", valid_spec);
    CHECK(r.exit_code == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK_THAT(r.out, Catch::StartsWith("{\"version\":{\"major\":1,\"minor\":0}"));
    CHECK_THAT(r.err, Catch::Contains("from <stdin> (cxf)"));
    CHECK(list_dir(dir.root().string()).empty());
}

TEST_CASE("a dry run writes nothing but the report, which is 0600", "[cli]") {
    test::TempDir dir;
    // To Bitwarden: the input's own findings (the spec's slips) are reported, and stop nothing.
    const auto r = run_cxf(dir, "convert '" + spec + "' out.bitwarden.json --dry-run --report report.json");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("dry run"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"report.json"});
    CHECK(test::mode_of(dir.path("report.json")) == 0600);
    const std::string report = test::read_text(dir.path("report.json"));
    CHECK_THAT(report, Catch::Contains("\"dryRun\": true"));
    CHECK_THAT(report, Catch::Contains("\"items\": 14"));
    CHECK_THAT(report, Catch::Contains("hmacSecret"));
    CHECK_THAT(report, Catch::Contains("/accounts/0/items/8/credentials/0/integrityHash"));
    CHECK(report.find("securepassword123") == std::string::npos);
}

TEST_CASE("strict mode writes when nothing is lost", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + valid_spec + "' out.cxf --strict");
    CHECK(r.exit_code == 0);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"out.cxf"});
}

TEST_CASE("usage errors exit 2 and say what is wrong", "[cli]") {
    test::TempDir dir;
    CHECK(run_cxf(dir, "").exit_code == 2);
    CHECK(run_cxf(dir, "frobnicate").exit_code == 2);
    CHECK(run_cxf(dir, "convert '" + spec + "'").exit_code == 2);
    const auto bad_option = run_cxf(dir, "convert '" + spec + "' out.cxf --colour");
    CHECK(bad_option.exit_code == 2);
    CHECK_THAT(bad_option.err, Catch::Contains("colour"));
    const auto argv_password = run_cxf(dir, "convert '" + spec + "' out.cxf --password hunter2");
    CHECK(argv_password.exit_code == 2);
    CHECK_THAT(argv_password.err, Catch::Contains("never taken as command-line values"));
    CHECK(argv_password.err.find("hunter2") == std::string::npos);
    const auto unknown_to = run_cxf(dir, "convert '" + spec + "' out.x --to nope");
    CHECK(unknown_to.exit_code == 2);
    CHECK_THAT(unknown_to.err, Catch::Contains("unknown output format 'nope'"));
    const auto ambiguous = run_cxf(dir, "convert '" + spec + "' out.json");
    CHECK(ambiguous.exit_code == 2);
    CHECK_THAT(ambiguous.err, Catch::Contains("give --to"));
    CHECK(run_cxf(dir, "convert - - ", spec).exit_code == 2);  // stdout needs --to
    const auto huge_limit = run_cxf(dir, "convert '" + spec + "' out.cxf --max-input-mib 18446744073709551615");
    CHECK(huge_limit.exit_code == 2);
    CHECK_THAT(huge_limit.err, Catch::Contains("--max-input-mib 18446744073709551615 is too large"));
    CHECK(list_dir(dir.root().string()).empty());
}

TEST_CASE("a usage error found while converting is in the report too", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + spec + "' out.x --to nope --report r.json");
    CHECK(r.exit_code == 2);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
    const std::string report = test::read_text(dir.path("r.json"));
    CHECK_THAT(report, Catch::Contains("\"exitCode\": 2"));
    CHECK_THAT(report, Catch::Contains("\"code\": \"usage\""));
    CHECK_THAT(report, Catch::Contains("unknown output format 'nope'"));
}

TEST_CASE("a report stays JSON when a file name is not UTF-8", "[cli]") {
    test::TempDir dir;
    const std::string name = "in\xFF.cxf";  // a Linux file name may be any bytes
    test::write_file(dir.path(name), test::read_text(valid_spec));
    const auto r = run_cxf(dir, "convert '" + name + "' out.cxf --report r.json");
    CHECK(r.exit_code == 0);
    const std::string report = test::read_text(dir.path("r.json"));
    cxf::json::Tape tape;
    cxf::json::parse(report, "r.json", {}, tape);  // well-formed
    CHECK_THAT(report, Catch::Contains("\"path\": \"in\xEF\xBF\xBD.cxf\""));
    const auto inspected = run_cxf(dir, "inspect --json '" + name + "'");
    CHECK(inspected.exit_code == 0);
    CHECK_THAT(inspected.out, Catch::Contains("\"file\": \"in\xEF\xBF\xBD.cxf\""));
}

TEST_CASE("help and version print and exit 0", "[cli]") {
    test::TempDir dir;
    const auto help = run_cxf(dir, "--help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("exit codes:"));
    CHECK_THAT(help.out, Catch::Contains("4  --strict"));
    const auto convert_help = run_cxf(dir, "convert --help");
    CHECK(convert_help.exit_code == 0);
    CHECK_THAT(convert_help.out, Catch::Contains("--out-password-file"));
    CHECK_THAT(convert_help.out, Catch::Contains("--cxf-compact"));
    CHECK(run_cxf(dir, "--version").exit_code == 0);
}

TEST_CASE("bad input gets one clear error with file and place, exit 1, and no output", "[cli][malformed]") {
    test::TempDir dir;
    struct Case {
        std::string name, content, place, text;
    };
    std::string huge = "{\"accounts\":[{\"items\":[{\"title\":\"";
    huge.append(100u << 20, 'x');
    huge += "\"}]}]}";
    const std::vector<Case> cases = {
        {"truncated.cxf", R"({"version":{"major":1,"minor":0},"accounts":[{"id":"AQ","items":[{"id":"Ag")", ": /accounts/0/items/0/id: ", "byte offset"},
        {"wrong-type.cxf", test::testdata(""), "", ""},  // replaced below
        {"deep.cxf", std::string(10000, '[') + std::string(10000, ']'), ": ", "deeper than 256"},
        {"huge-string.cxf", huge, ": /accounts/0/items/0/title: ", "over the limit"},
        {"bad-utf8.cxf", "{\"exporterRpId\":\"a\xC3\x28\"}", ": /exporterRpId: ", "UTF-8"},
        {"duplicate.cxf", R"({"version":{"major":1,"minor":0},"exporterRpId":"a","exporterRpId":"b"})", ": /exporterRpId: ", "duplicate key"},
        {"not-json.cxf", "\x01\x02garbage", ": ", "not a format cxf recognises"},
    };
    for (Case c : cases) {
        if (c.name == "wrong-type.cxf") {
            c.content = R"({"version":{"major":1,"minor":0},"exporterRpId":"x","exporterDisplayName":"X","timestamp":1,"accounts":[{"id":"AQ","username":"","email":"","collections":[],"items":[{"id":"Ag","title":7,"credentials":[]}]}]})";
            c.place = ": /accounts/0/items/0/title: ";
            c.text = "expected a string, got non-negative integer";
        }
        CAPTURE(c.name);
        test::write_file(dir.path(c.name), c.content);
        const auto r = run_cxf(dir, "convert " + c.name + " out.cxf" + (c.name == "not-json.cxf" ? "" : " --from cxf"));
        CHECK(r.exit_code == 1);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
        CHECK_THAT(r.err, Catch::StartsWith("cxf: " + c.name + c.place));
        CHECK_THAT(r.err, Catch::Contains(c.text));
        const auto entries = list_dir(dir.root().string());
        CHECK(std::find(entries.begin(), entries.end(), "out.cxf") == entries.end());
        for (const auto& e : entries) CHECK(e.find(".cxf-") == std::string::npos);  // no temp file left
    }
}

TEST_CASE("a missing input is an I/O error", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert nothing-here.json out.cxf");
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("nothing-here.json: cannot open: No such file"));
}

TEST_CASE("inspect prints format, version and counts but no values", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "inspect '" + spec + "'");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("format: cxf"));
    CHECK_THAT(r.out, Catch::Contains("version: CXF 1.0"));
    CHECK_THAT(r.out, Catch::Contains("items: 14"));
    CHECK_THAT(r.out, Catch::Contains("  passkey: 1"));
    for (const char* secret : {"securepassword123", "4111111111111111", "JBSWY3DPEHPK3PXP", "mypassword123"})
        CHECK(r.out.find(secret) == std::string::npos);
    const auto json = run_cxf(dir, "inspect --json '" + spec + "'");
    CHECK(json.exit_code == 0);
    cxf::json::Tape tape;
    cxf::json::parse(json.out, "inspect", {}, tape);
    CHECK_THAT(json.out, Catch::Contains("\"items\": 14"));
}

TEST_CASE("validate lists findings with pointers and exits by validity", "[cli]") {
    test::TempDir dir;
    const auto invalid = run_cxf(dir, "validate '" + spec + "'");
    CHECK(invalid.exit_code == 1);
    CHECK_THAT(invalid.out, Catch::Contains("/accounts/0/items/8/credentials/0/integrityHash: error: is 31 bytes"));
    CHECK_THAT(invalid.out, Catch::Contains("invalid (1 error(s)"));
    REQUIRE(run_cxf(dir, "convert '" + test::testdata("cxf/apple-cxp-dashlane-account.json") + "' d.cxf").exit_code == 0);
    const auto valid = run_cxf(dir, "validate d.cxf --json");
    CHECK(valid.exit_code == 0);
    CHECK_THAT(valid.out, Catch::Contains("\"valid\": true"));
}

TEST_CASE("formats lists every format with what it carries", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "formats");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("cxf "));
    CHECK_THAT(r.out, Catch::Contains("passkeys"));
    CHECK_THAT(r.out, Catch::Contains("loses:   attachments"));
}

TEST_CASE("split writes numbered files of at most N items", "[cli]") {
    test::TempDir dir;
    const std::string dashlane = test::testdata("cxf/apple-cxp-dashlane-account.json");
    const auto r = run_cxf(dir, "convert '" + dashlane + "' d.cxf --split 5 --report r.json");
    CHECK(r.exit_code == 0);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"d-1.cxf", "d-2.cxf", "d-3.cxf", "r.json"});
    std::size_t items = 0;
    for (const char* part : {"d-1.cxf", "d-2.cxf", "d-3.cxf"}) {
        CHECK(test::mode_of(dir.path(part)) == 0600);
        const auto counted = run_cxf(dir, std::string("inspect --json ") + part);
        REQUIRE(counted.exit_code == 0);
        const auto at = counted.out.find("\"items\": ");
        REQUIRE(at != std::string::npos);
        const std::size_t n = std::stoul(counted.out.substr(at + 9));
        CHECK(n <= 5);
        items += n;
    }
    CHECK(items == 12);
    CHECK_THAT(test::read_text(dir.path("r.json")), Catch::Contains(R"("files": [)"));
    CHECK(run_cxf(dir, "convert '" + dashlane + "' - --to cxf --split 5").exit_code == 2);
}

TEST_CASE("split numbers parts before the format's extension in any case", "[cli]") {
    test::TempDir dir;
    const std::string dashlane = test::testdata("cxf/apple-cxp-dashlane-account.json");
    CHECK(run_cxf(dir, "convert '" + dashlane + "' V.CXF.ZIP --split 6").exit_code == 0);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"V-1.CXF.ZIP", "V-2.CXF.ZIP"});
}

TEST_CASE("with -v, convert and merge say which format each input is read as, and what chose it", "[cli]") {
    test::TempDir dir;
    const std::string bitwarden = test::testdata("bitwarden/synthetic-bitwarden-plain-with-passkeys.json");
    const auto detected = run_cxf(dir, "convert -v '" + bitwarden + "' out.cxf");
    CHECK(detected.exit_code == 0);
    CHECK_THAT(detected.err, Catch::StartsWith("cxf: " + bitwarden + ": read as bitwarden (detected from its content): "));
    const auto given = run_cxf(dir, "convert --verbose --from cxf '" + valid_spec + "' - --to cxf");
    CHECK(given.exit_code == 0);
    CHECK_THAT(given.err, Catch::StartsWith("cxf: " + valid_spec + ": read as cxf (as --from says): "));
    const auto quiet = run_cxf(dir, "convert '" + bitwarden + "' quiet.cxf");
    CHECK_THAT(quiet.err, !Catch::Contains("read as"));
    const auto merged = run_cxf(dir, "merge -v '" + bitwarden + "' '" + valid_spec + "' -o merged.cxf");
    CHECK(merged.exit_code == 0);
    CHECK_THAT(merged.err, Catch::Contains(valid_spec + ": read as cxf (detected from its content)"));
}
