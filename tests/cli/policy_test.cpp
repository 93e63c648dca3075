// SPDX-License-Identifier: MIT
// `cxf convert` policy: the report is an output like OUTPUT, an output password is never ignored nor
// empty by accident, CXF output passes cxf's own validator, and the loss summary is grouped.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>

#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {

const std::string spec = test::testdata("cxf/spec-appendix-a-32-byte-hash.json");  // valid CXF
const std::string plain_bitwarden = test::testdata("bitwarden/synthetic-bitwarden-plain-with-passkeys.json");
const std::string cheap_kdbx = " --kdbx-kdf aes-kdf --kdbx-iterations 1000";

// Two items share the id "AA": CXF forbids it (an error finding at /accounts/0/items/1/id).
constexpr std::string_view duplicate_ids =
    R"({"version":{"major":1,"minor":0},"exporterRpId":"x.example","exporterDisplayName":"X","timestamp":1705228800,)"
    R"("accounts":[{"id":"QQ","username":"u","email":"e@x.example","collections":[],"items":[)"
    R"({"id":"AA","title":"One","credentials":[]},{"id":"AA","title":"Two","credentials":[]}]}]})";

std::size_t lines_containing(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("a report path naming the input or the output is refused before anything is written", "[cli][report]") {
    test::TempDir dir;
    const std::string original = test::read_text(spec);
    test::write_file(dir.path("in.cxf"), original);
    REQUIRE(::symlink("in.cxf", dir.path("link.json").c_str()) == 0);
    for (const std::string report : {"in.cxf", "./in.cxf", "link.json"}) {
        CAPTURE(report);
        const auto r = run_cxf(dir, "convert in.cxf out.cxf --force --report " + report);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("the same file as INPUT"));
        CHECK(test::read_text(dir.path("in.cxf")) == original);
        CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"in.cxf", "link.json"});
    }
    // The output, by another name (a hard link) and even with --force.
    test::write_file(dir.path("out.cxf"), "keep me");
    REQUIRE(::link(dir.path("out.cxf").c_str(), dir.path("hard.json").c_str()) == 0);
    for (const std::string report : {"out.cxf", "hard.json"}) {
        CAPTURE(report);
        const auto r = run_cxf(dir, "convert in.cxf out.cxf --force --report " + report);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("the same file as OUTPUT"));
        CHECK(test::read_text(dir.path("out.cxf")) == "keep me");
    }
    // An output that does not exist yet is the same file when the names resolve to the same place.
    const auto fresh = run_cxf(dir, "convert in.cxf new.cxf --report ./new.cxf");
    CHECK(fresh.exit_code == 2);
    // With --split, any of the parts (14 items in 5s: new-1.cxf … new-3.cxf).
    const auto part = run_cxf(dir, "convert in.cxf new.cxf --split 5 --report ./new-2.cxf");
    CHECK(part.exit_code == 2);
    CHECK_THAT(part.err, Catch::Contains("the same file as the output new-2.cxf"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"hard.json", "in.cxf", "link.json", "out.cxf"});
}

TEST_CASE("an existing report is replaced only with --force", "[cli][report]") {
    test::TempDir dir;
    test::write_file(dir.path("r.json"), "keep me");
    const auto refused = run_cxf(dir, "convert '" + spec + "' out.cxf --report r.json");
    CHECK(refused.exit_code == 5);
    CHECK_THAT(refused.err, Catch::Contains("r.json: already exists; use --force"));
    CHECK(test::read_text(dir.path("r.json")) == "keep me");
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
    const auto forced = run_cxf(dir, "convert '" + spec + "' out.cxf --report r.json --force");
    CHECK(forced.exit_code == 0);
    CHECK_THAT(test::read_text(dir.path("r.json")), Catch::Contains("\"written\": true"));
    CHECK(test::mode_of(dir.path("r.json")) == 0600);
}

TEST_CASE("outputs and report appear together or not at all", "[cli][report]") {
    test::TempDir dir;
    // The report cannot be created (no such directory): the output must not appear either, so a retry
    // is not refused for an output the failed run left behind.
    const auto r = run_cxf(dir, "convert '" + spec + "' out.cxf --report missing/r.json");
    CHECK(r.exit_code == 5);
    CHECK(list_dir(dir.root().string()).empty());
    const auto parts = run_cxf(dir, "convert '" + spec + "' out.cxf --split 5 --report missing/r.json");
    CHECK(parts.exit_code == 5);
    CHECK(list_dir(dir.root().string()).empty());
    const auto ok = run_cxf(dir, "convert '" + spec + "' out.cxf --report r.json");
    CHECK(ok.exit_code == 0);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"out.cxf", "r.json"});
}

TEST_CASE("a report to - goes to standard output, never to a file named -", "[cli][report]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + spec + "' out.cxf --report -");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("\"written\": true"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"out.cxf"});

    const auto both = run_cxf(dir, "convert '" + spec + "' - --to cxf --report -");
    CHECK(both.exit_code == 2);
    CHECK_THAT(both.err, Catch::Contains("--report - and the output cannot both be standard output"));
    CHECK(both.out.empty());
}

TEST_CASE("an output password encrypts a Bitwarden export and is refused where nothing encrypts", "[cli][password]") {
    test::TempDir dir;
    const auto bitwarden = run_cxf(dir,
                                   "convert '" + plain_bitwarden + "' p.bitwarden.json --bitwarden-kdf-iterations 5000 "
                                   "--out-password-env OUT_PW", "/dev/null", "OUT_PW=s3cret");
    CHECK(bitwarden.exit_code == 0);
    CHECK_THAT(test::read_text(dir.path("p.bitwarden.json")), Catch::Contains("\"passwordProtected\": true"));
    CHECK(run_cxf(dir, "convert p.bitwarden.json back.cxf --password-env PW", "/dev/null", "PW=s3cret").exit_code == 0);
    for (const std::string to : {"cxf", "cxf-archive", "bitwarden-csv", "cxp"}) {
        CAPTURE(to);
        const auto r = run_cxf(dir, "convert '" + plain_bitwarden + "' out.x --to " + to + " --out-password-env OUT_PW",
                               "/dev/null", "OUT_PW=s3cret");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("cannot be protected with a password"));
        CHECK(r.err.find("s3cret") == std::string::npos);
    }
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"back.cxf", "p.bitwarden.json"});
}

TEST_CASE("a key file is refused where nothing encrypts with one", "[cli][password]") {
    test::TempDir dir;
    test::write_file(dir.path("k.key"), "key material");
    for (const char* output : {"out.cxf", "out.bitwarden.json", "out.1pux"}) {
        CAPTURE(output);
        const auto r = run_cxf(dir, "convert '" + spec + "' " + output + " --out-key-file k.key");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("takes no key file"));
    }
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"k.key"});

    const auto input = run_cxf(dir, "convert '" + spec + "' out.kdbx --key-file k.key --out-password-env PW", "/dev/null",
                               "PW=s3cret");
    CHECK(input.exit_code == 2);
    CHECK_THAT(input.err, Catch::Contains("the cxf format takes no key file; leave out --key-file"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"k.key"});
}

TEST_CASE("an empty output password is refused unless --allow-empty-password", "[cli][password]") {
    test::TempDir dir;
    const auto env = run_cxf(dir, "convert '" + spec + "' e.kdbx --out-password-env OUT_PW" + cheap_kdbx, "/dev/null",
                             "OUT_PW=");
    CHECK(env.exit_code == 2);
    CHECK_THAT(env.err, Catch::Contains("environment variable OUT_PW"));
    CHECK_THAT(env.err, Catch::Contains("--allow-empty-password"));
    test::write_file(dir.path("empty.pw"), "\n");
    const auto file = run_cxf(dir, "convert '" + spec + "' f.kdbx --out-password-file empty.pw" + cheap_kdbx);
    CHECK(file.exit_code == 2);
    CHECK_THAT(file.err, Catch::Contains("empty.pw"));
    const auto fd = run_cxf(dir, "convert '" + spec + "' d.kdbx --out-password-fd 3 3</dev/null" + cheap_kdbx);
    CHECK(fd.exit_code == 2);
    CHECK_THAT(fd.err, Catch::Contains("file descriptor 3"));
    const auto bitwarden = run_cxf(dir, "convert '" + plain_bitwarden + "' b.bitwarden.json --out-password-env OUT_PW",
                                   "/dev/null", "OUT_PW=");
    CHECK(bitwarden.exit_code == 2);
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"empty.pw"});
    // Said explicitly, an empty password is written, and "" opens it.
    const auto allowed = run_cxf(dir, "convert '" + spec + "' e.kdbx --allow-empty-password --out-password-env OUT_PW" +
                                          cheap_kdbx, "/dev/null", "OUT_PW=");
    CHECK(allowed.exit_code == 0);
    CHECK(run_cxf(dir, "convert e.kdbx back.cxf --password-env OUT_PW", "/dev/null", "OUT_PW=").exit_code == 0);
}

TEST_CASE("CXF output that breaks the CXF rules is refused: exit 1 or 4 with --strict", "[cli][validate]") {
    test::TempDir dir;
    test::write_file(dir.path("dup.json"), duplicate_ids);
    for (const std::string out : {"o.cxf", "o.cxf.zip"}) {
        CAPTURE(out);
        const auto strict = run_cxf(dir, "convert dup.json " + out + " --strict --report r.json --force");
        CHECK(strict.exit_code == 4);
        CHECK_THAT(test::read_text(dir.path("r.json")), Catch::Contains("\"place\": \"" + out + ": /accounts/0/items/1/id\""));
        CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"dup.json", "r.json"});
        const auto lenient = run_cxf(dir, "convert dup.json " + out);
        CHECK(lenient.exit_code == 1);
        CHECK_THAT(lenient.err, Catch::Contains(out + ": /accounts/0/items/1/id: "));
        CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"dup.json", "r.json"});
    }
    // A valid vault still converts, with --strict too.
    CHECK(run_cxf(dir, "convert '" + spec + "' ok.cxf --strict").exit_code == 0);
}

TEST_CASE("the loss summary on stderr has one line per kind of loss", "[cli]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + plain_bitwarden + "' out.bitwarden.csv --report r.json");
    CHECK(r.exit_code == 0);
    CAPTURE(r.err);
    // Five items, each without its dates: one line, with the count and at most three titles.
    CHECK(lines_containing(r.err, "keep no dates") == 1);
    CHECK_THAT(r.err, Catch::Contains("  lost ×5: timestamps — Bitwarden CSV exports keep no dates (items '"));
    CHECK_THAT(r.err, Catch::Contains("', …)"));
    CHECK(lines_containing(r.err, "cannot hold passkeys") == 1);
    // The report still lists each one.
    CHECK(lines_containing(test::read_text(dir.path("r.json")), "keep no dates") == 5);
}
