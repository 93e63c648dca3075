// SPDX-License-Identifier: MIT
// cxf batch: a folder of good, damaged, wrong-password and password-less files; per-file and overall
// exit codes; resuming; --jobs; the password manifest; name clashes; an interrupted batch.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <filesystem>
#include <map>

#include "cxf/json/cursor.h"
#include "cxf/json/tape.h"
#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {

namespace fs = std::filesystem;

// Bitwarden password-protected export, password "a" (testdata/bitwarden/PROVENANCE.md).
const std::string protected_export = test::testdata("bitwarden/keepassxc-bitwarden_encrypted_export.json");

void copy(const std::string& fixture, const std::string& to) { fs::copy_file(test::testdata(fixture), to); }

// One of each readable format, two files needing a password (one given a wrong one, one given none)
// and a damaged KDBX, in DIR/in; KDBX_PW=test opens vault.kdbx through the manifest DIR/secrets/m.tsv.
void mixed_inputs(const test::TempDir& dir) {
    fs::create_directory(dir.path("in"));
    copy("kdbx/kdbxweb/KDBX4.1.kdbx", dir.path("in/vault.kdbx"));
    copy("bitwarden/synthetic-bitwarden-plain-with-passkeys.json", dir.path("in/export.json"));
    copy("1password/keepassxc-1PasswordExport.1pux", dir.path("in/items.1pux"));
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/appendix.json"));
    copy("bitwarden/keepassxc-bitwarden_encrypted_export.json", dir.path("in/wrong.json"));
    copy("bitwarden/keepassxc-bitwarden_encrypted_export.json", dir.path("in/locked.json"));
    test::write_file(dir.path("in/damaged.kdbx"), test::read_text(test::testdata("kdbx/kdbxweb/KDBX4.1.kdbx")).substr(0, 100));
    test::write_file(dir.path("in/.hidden.json"), "not an input");
    // A relative PATH is taken from the manifest's directory.
    fs::create_directory(dir.path("secrets"));
    test::write_file(dir.path("secrets/wrong.pw"), "not-a\n");
    test::write_file(dir.path("secrets/m.tsv"), "# per-file passwords\nvault.kdbx\tenv:KDBX_PW\nwrong.json\tfile:wrong.pw\n");
}

struct FileSummary {
    std::string outcome;
    std::int64_t exit_code = -1;
    std::string error_code;
};

// The summary's files by input file name.
std::map<std::string, FileSummary> summary_files(const std::string& path) {
    const std::string text = test::read_text(path);
    cxf::json::Tape tape;
    cxf::json::parse(text, path, {}, tape);
    const std::string base;
    const cxf::json::Cursor root(tape, 0, base);
    std::map<std::string, FileSummary> files;
    for (const cxf::json::Cursor file : root.find("files")->elements()) {
        FileSummary s;
        s.outcome = file.find("outcome")->string();
        s.exit_code = file.find("exitCode")->int64();
        if (const auto error = file.find("error")) s.error_code = error->find("code")->string();
        files[fs::path(file.find("input")->string()).filename().string()] = s;
    }
    return files;
}

std::int64_t summary_exit_code(const std::string& path) {
    const std::string text = test::read_text(path);
    cxf::json::Tape tape;
    cxf::json::parse(text, path, {}, tape);
    const std::string base;
    return cxf::json::Cursor(tape, 0, base).find("exitCode")->int64();
}

}  // namespace

TEST_CASE("a batch of good, damaged, wrong-password and password-less files", "[cli][batch]") {
    test::TempDir dir;
    mixed_inputs(dir);
    const auto r = run_cxf(dir, "batch in --to cxf -o out --password-manifest secrets/m.tsv --jobs 2", "/dev/null", "KDBX_PW=test");
    CAPTURE(r.err);
    // Failures with different codes (1, 2, 3): the batch exits 1.
    CHECK(r.exit_code == 1);
    CHECK(list_dir(dir.path("out")) ==
          std::vector<std::string>{"appendix.cxf", "appendix.cxf.report.json", "batch-summary.json", "damaged.cxf.report.json",
                                   "export.cxf", "export.cxf.report.json", "items.cxf", "items.cxf.report.json",
                                   "locked.cxf.report.json", "vault.cxf", "vault.cxf.report.json", "wrong.cxf.report.json"});
    for (const std::string& name : list_dir(dir.path("out"))) CHECK(test::mode_of(dir.path("out/" + name)) == 0600);

    const auto files = summary_files(dir.path("out/batch-summary.json"));
    REQUIRE(files.size() == 7);
    for (const char* good : {"vault.kdbx", "export.json", "items.1pux", "appendix.json"}) {
        CAPTURE(good);
        CHECK(files.at(good).outcome == "written");
        CHECK(files.at(good).exit_code == 0);
    }
    CHECK(files.at("damaged.kdbx").exit_code == 1);
    CHECK(files.at("wrong.json").exit_code == 3);
    CHECK(files.at("wrong.json").error_code == "wrong_password");
    CHECK(files.at("locked.json").exit_code == 2);
    CHECK(files.at("locked.json").outcome == "failed");
    CHECK(summary_exit_code(dir.path("out/batch-summary.json")) == 1);
    CHECK_THAT(test::read_text(dir.path("out/vault.cxf.report.json")), Catch::Contains("\"format\": \"kdbx\""));
    CHECK_THAT(test::read_text(dir.path("out/wrong.cxf.report.json")), Catch::Contains("\"exitCode\": 3"));

    // One line per failed file, then the totals; never a password.
    CHECK_THAT(r.err, Catch::Contains("cxf: in/damaged.kdbx: exit 1: "));
    CHECK_THAT(r.err, Catch::Contains("cxf: in/wrong.json: exit 3: "));
    CHECK_THAT(r.err, Catch::Contains("cxf: in/locked.json: exit 2: password required"));
    CHECK_THAT(r.err, Catch::Contains("cxf: 7 files: 4 written, 3 failed in "));
    CHECK_THAT(r.err, Catch::Contains("(exit 1); summary: out/batch-summary.json"));
    for (const std::string& file : {std::string("batch-summary.json"), std::string("wrong.cxf.report.json")})
        CHECK(test::read_text(dir.path("out/" + file)).find("not-a") == std::string::npos);
    CHECK(r.err.find("not-a") == std::string::npos);
}

TEST_CASE("a batch whose failed files share an exit code exits with it", "[cli][batch]") {
    test::TempDir dir;
    fs::create_directory(dir.path("in"));
    copy("bitwarden/keepassxc-bitwarden_encrypted_export.json", dir.path("in/a.json"));
    copy("bitwarden/keepassxc-bitwarden_encrypted_export.json", dir.path("in/b.json"));
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/c.json"));
    CHECK(run_cxf(dir, "batch in --to cxf -o wrong --password-env PW", "/dev/null", "PW=not-a").exit_code == 3);
    CHECK(run_cxf(dir, "batch in --to cxf -o none").exit_code == 2);
    // The shared password opens both protected files; the plain one needs none.
    CHECK(run_cxf(dir, "batch in --to cxf -o right --password-env PW", "/dev/null", "PW=a").exit_code == 0);
    CHECK(list_dir(dir.path("right")) == std::vector<std::string>{"a.cxf", "a.cxf.report.json", "b.cxf", "b.cxf.report.json",
                                                                  "batch-summary.json", "c.cxf", "c.cxf.report.json"});
}

TEST_CASE("a batch run again skips the outputs it wrote, unless --force", "[cli][batch]") {
    test::TempDir dir;
    fs::create_directory(dir.path("in"));
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/a.json"));
    copy("bitwarden/synthetic-bitwarden-plain-with-passkeys.json", dir.path("in/b.json"));
    test::write_file(dir.path("in/c.json"), "{}");
    REQUIRE(run_cxf(dir, "batch in --to bitwarden -o out").exit_code == 1);
    REQUIRE(fs::exists(dir.path("out/a.bitwarden.json")));
    test::write_file(dir.path("out/a.bitwarden.json"), "kept");
    fs::remove(dir.path("out/b.bitwarden.json"));

    // a is done (its output is there), b is converted again, c fails again.
    const auto resumed = run_cxf(dir, "batch in --to bitwarden -o out");
    CHECK(resumed.exit_code == 1);
    CHECK_THAT(resumed.err, Catch::Contains("3 files: 1 written, 1 skipped, 1 failed"));
    CHECK(test::read_text(dir.path("out/a.bitwarden.json")) == "kept");
    CHECK(fs::exists(dir.path("out/b.bitwarden.json")));
    auto files = summary_files(dir.path("out/batch-summary.json"));
    CHECK(files.at("a.json").outcome == "skipped");
    CHECK(files.at("a.json").exit_code == 0);
    CHECK(files.at("b.json").outcome == "written");
    CHECK(files.at("c.json").outcome == "failed");

    const auto forced = run_cxf(dir, "batch in --to bitwarden -o out --force");
    CHECK(forced.exit_code == 1);
    CHECK_THAT(forced.err, Catch::Contains("3 files: 2 written, 1 failed"));
    CHECK_THAT(test::read_text(dir.path("out/a.bitwarden.json")), Catch::Contains("\"items\""));
    files = summary_files(dir.path("out/batch-summary.json"));
    CHECK(files.at("a.json").outcome == "written");
}

TEST_CASE("a batch with --strict refuses file by file, and a dry run writes only the reports", "[cli][batch]") {
    test::TempDir dir;
    fs::create_directory(dir.path("in"));
    copy("bitwarden/synthetic-bitwarden-plain-with-passkeys.json", dir.path("in/a.json"));
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/b.json"));
    // Both have passkeys, which Bitwarden CSV cannot hold.
    const auto strict = run_cxf(dir, "batch in --to bitwarden-csv -o strict --strict");
    CHECK(strict.exit_code == 4);
    CHECK_THAT(strict.err, Catch::Contains("cxf: in/a.json: exit 4: --strict: "));
    CHECK(list_dir(dir.path("strict")) == std::vector<std::string>{"a.bitwarden.csv.report.json", "b.bitwarden.csv.report.json",
                                                                   "batch-summary.json"});
    CHECK(summary_files(dir.path("strict/batch-summary.json")).at("b.json").outcome == "refused");

    const auto dry = run_cxf(dir, "batch in --to bitwarden-csv -o dry --dry-run");
    CHECK(dry.exit_code == 0);
    CHECK_THAT(dry.err, Catch::Contains("2 files: 2 dry run"));
    CHECK(list_dir(dir.path("dry")) == std::vector<std::string>{"a.bitwarden.csv.report.json", "b.bitwarden.csv.report.json",
                                                                "batch-summary.json"});
    CHECK(summary_files(dir.path("dry/batch-summary.json")).at("a.json").outcome == "dryRun");
}

TEST_CASE("a batch with --jobs 1 and --jobs 2 writes the same outputs", "[cli][batch]") {
    test::TempDir dir;
    mixed_inputs(dir);
    const std::string args = "--to bitwarden-csv --password-manifest secrets/m.tsv";
    CHECK(run_cxf(dir, "batch in -o one --jobs 1 " + args, "/dev/null", "KDBX_PW=test").exit_code == 1);
    CHECK(run_cxf(dir, "batch in -o two --jobs 2 " + args, "/dev/null", "KDBX_PW=test").exit_code == 1);
    const auto outputs = list_dir(dir.path("one"));
    CHECK(outputs == list_dir(dir.path("two")));
    std::size_t compared = 0;
    for (const std::string& name : outputs) {
        if (!name.ends_with(".bitwarden.csv")) continue;
        CAPTURE(name);
        CHECK(test::read_text(dir.path("one/" + name)) == test::read_text(dir.path("two/" + name)));
        ++compared;
    }
    CHECK(compared == 4);
    CHECK(summary_files(dir.path("one/batch-summary.json")).at("wrong.json").exit_code ==
          summary_files(dir.path("two/batch-summary.json")).at("wrong.json").exit_code);
}

TEST_CASE("a malformed password manifest is refused, naming the line and not its content", "[cli][batch]") {
    test::TempDir dir;
    fs::create_directory(dir.path("in"));
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/a.json"));
    const std::pair<const char*, const char*> cases[] = {
        {"a.json hunter2\n", "m.tsv: line 1: expected NAME<TAB>SOURCE"},
        {"# comment\n\na.json\thunter2\n", "m.tsv: line 3: the source after the tab is not file:PATH or env:VAR"},
        {"a.json\tenv:\n", "m.tsv: line 1: the source after the tab is not file:PATH or env:VAR"},
        {"\tenv:PW\n", "m.tsv: line 1: the input's file name before the tab is empty"},
        {"in/a.json\tenv:PW\n", "m.tsv: line 1: NAME is an input's file name, without a directory"},
        {"a.json\tenv:PW\r\na.json\tfile:pw\r\n", "m.tsv: line 2: a.json has a source already, on line 1"},
    };
    for (const auto& [manifest, message] : cases) {
        CAPTURE(manifest);
        test::write_file(dir.path("m.tsv"), manifest);
        const auto r = run_cxf(dir, "batch in --to cxf -o out --password-manifest m.tsv");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains(message));
        CHECK(r.err.find("hunter2") == std::string::npos);
        CHECK_FALSE(fs::exists(dir.path("out")));
    }
    // A name no input has is only a warning.
    test::write_file(dir.path("m.tsv"), "other.json\tenv:PW\n");
    const auto r = run_cxf(dir, "batch in --to cxf -o out --password-manifest m.tsv");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("m.tsv: warning: no input is named other.json"));
}

TEST_CASE("inputs that would share an output are refused before anything runs", "[cli][batch]") {
    test::TempDir dir;
    fs::create_directory(dir.path("in"));
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/a.json"));
    copy("bitwarden/pass-import-bitwarden.csv", dir.path("in/a.csv"));
    const auto r = run_cxf(dir, "batch in --to kdbx -o out");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("in/a.csv and in/a.json would both be written to out/a.kdbx"));
    CHECK_FALSE(fs::exists(dir.path("out")));

    // Outputs among the inputs would be read as inputs by the next run.
    const auto same = run_cxf(dir, "batch in --to cxf -o in/");
    CHECK(same.exit_code == 2);
    CHECK_THAT(same.err, Catch::Contains("is the input directory in"));
    // A file whose output would be the file itself.
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("x.cxf"));
    const auto itself = run_cxf(dir, "batch x.cxf --to cxf -o .");
    CHECK(itself.exit_code == 2);
    CHECK_THAT(itself.err, Catch::Contains("would replace the input x.cxf"));
}

TEST_CASE("an interrupted batch leaves complete outputs and no temporary file", "[cli][batch][io]") {
    test::TempDir dir;
    fs::create_directory(dir.path("in"));
    for (int i = 0; i < 24; ++i) copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/v" + std::to_string(i) + ".json"));
    // Ctrl-C once the first output is there; each KDBX output costs a real KDF.
    const auto r = run_cxf(dir,
                           "batch in --to kdbx -o out --jobs 2 --out-password-env PW --kdbx-kdf aes-kdf "
                           "--kdbx-iterations 3000000",
                           "/dev/null",
                           "PW=pw sh -c '\"$0\" \"$@\" & pid=$!; "
                           "until ls out/*.kdbx >/dev/null 2>&1 || ! kill -0 $pid 2>/dev/null; do sleep 0.05; done; "
                           "kill -INT $pid; wait $pid'");
    CHECK(r.exit_code == 128 + 2);
    const auto left = list_dir(dir.path("out"));
    CHECK(left.size() < 2 * 24);
    for (const std::string& name : left) {
        CAPTURE(name);
        CHECK(name.front() != '.');
        CHECK_THAT(name, Catch::EndsWith(".kdbx") || Catch::EndsWith(".kdbx.report.json"));
    }
    // What is there is whole: a second run skips it and converts the rest.
    const auto resumed = run_cxf(dir, "batch in --to kdbx -o out --out-password-env PW --kdbx-kdf aes-kdf --kdbx-iterations 1000",
                                 "/dev/null", "PW=pw");
    CHECK(resumed.exit_code == 0);
    CHECK(list_dir(dir.path("out")).size() == 2 * 24 + 1);
    for (const std::string& name : left)
        if (name.ends_with(".kdbx"))
            CHECK(run_cxf(dir, "inspect out/" + name + " --password-env PW", "/dev/null", "PW=pw").exit_code == 0);
}

TEST_CASE("a batch on a terminal asks once for the password its inputs share", "[cli][batch][password]") {
    test::TempDir dir;
    fs::create_directory(dir.path("in"));
    copy("bitwarden/keepassxc-bitwarden_encrypted_export.json", dir.path("in/a.json"));
    copy("bitwarden/keepassxc-bitwarden_encrypted_export.json", dir.path("in/b.json"));
    copy("cxf/spec-appendix-a-32-byte-hash.json", dir.path("in/c.json"));
    const std::string script = std::string(CXF_SOURCE_DIR) + "/tests/cli/scripts/tty_prompt.py";
    const std::string shown = dir.path("shown.txt");
    // `timeout`: a second prompt would wait for ever, as the script answers only the first.
    const std::string command = "cd '" + dir.root().string() + "' && timeout 60 /usr/bin/python3 '" + script + "' a '" +
                                CXF_CLI_PATH + "' batch in --to cxf -o out --jobs 2 > '" + shown + "'";
    const int status = std::system(command.c_str());
    const std::string terminal = test::read_text(shown);
    CAPTURE(terminal);
    CHECK(WEXITSTATUS(status) == 0);
    const std::string prompt = "Enter the password of the batch's inputs:";
    REQUIRE(terminal.find(prompt) != std::string::npos);
    CHECK(terminal.find(prompt, terminal.find(prompt) + 1) == std::string::npos);
    CHECK_THAT(terminal, Catch::Contains("3 files: 3 written"));
    CHECK(fs::exists(dir.path("out/a.cxf")));
    CHECK(fs::exists(dir.path("out/b.cxf")));
}
