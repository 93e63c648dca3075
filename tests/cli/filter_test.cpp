// SPDX-License-Identifier: MIT
// `cxf convert --filter`: each key, alternatives and conjunctions, the count in the summary and the
// report, and an unknown key or type refused before anything is read (exit 2).
#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {

// Groups Work and Work/Servers, tags "mail" and "work" (testdata/kdbx/PROVENANCE.md).
const std::string kdbx = "'" + test::testdata("kdbx/kdbxweb-generated/kdbx31.kdbx") + "' --password-env PW";
const std::string kdbx_password = "PW=kdbxweb-fixture";
const std::string bitwarden = "'" + test::testdata("bitwarden/synthetic-bitwarden-plain-with-passkeys.json") + "'";

bool has_title(const std::string& cxf, const std::string& title) {
    return cxf.find("\"title\": \"" + title + "\"") != std::string::npos;
}

}  // namespace

TEST_CASE("convert --filter folder: selects a collection with its sub-collections", "[cli][filter]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert " + kdbx + " out.cxf --filter folder:Work --report r.json", "/dev/null", kdbx_password);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("cxf: selected 2 of 3 items (folder:Work)\n"));
    const std::string out = test::read_text(dir.path("out.cxf"));
    CHECK(has_title(out, "Mail"));
    CHECK(has_title(out, "Build server"));  // in Work/Servers
    CHECK_FALSE(has_title(out, "Bank"));
    const std::string report = test::read_text(dir.path("r.json"));
    CHECK_THAT(report, Catch::Contains("\"selection\": {\n    \"filters\": [\n      \"folder:Work\"\n    ],\n"
                                       "    \"selected\": 2,\n    \"of\": 3\n  }"));
    CHECK(report.find("Bank") == std::string::npos);  // an item left out is no notice

    const auto sub = run_cxf(dir, "convert " + kdbx + " sub.cxf --filter folder:work/SERVERS", "/dev/null", kdbx_password);
    CHECK(sub.exit_code == 0);
    CHECK_THAT(sub.err, Catch::Contains("selected 1 of 3 items"));
    CHECK(has_title(test::read_text(dir.path("sub.cxf")), "Build server"));
}

TEST_CASE("convert --filter tag: and title: select by tag and by glob", "[cli][filter]") {
    test::TempDir dir;
    const auto tag = run_cxf(dir, "convert " + kdbx + " tag.cxf --filter tag:mail", "/dev/null", kdbx_password);
    CHECK(tag.exit_code == 0);
    CHECK_THAT(tag.err, Catch::Contains("selected 1 of 3 items (tag:mail)"));
    CHECK(has_title(test::read_text(dir.path("tag.cxf")), "Mail"));
    const auto title = run_cxf(dir, "convert " + kdbx + " title.cxf --filter 'title:*SERVER*' --filter title:Bank",
                               "/dev/null", kdbx_password);
    CHECK(title.exit_code == 0);
    CHECK_THAT(title.err, Catch::Contains("selected 2 of 3 items (title:*SERVER* title:Bank)"));
    const std::string out = test::read_text(dir.path("title.cxf"));
    CHECK(has_title(out, "Build server"));
    CHECK(has_title(out, "Bank"));
    CHECK_FALSE(has_title(out, "Mail"));
}

TEST_CASE("convert --filter type: selects by credential type, and keys combine", "[cli][filter]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert " + bitwarden + " out.cxf --filter type:passkey --filter type:ssh-key");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("selected 2 of 5 items (type:passkey type:ssh-key)"));
    const std::string out = test::read_text(dir.path("out.cxf"));
    CHECK(has_title(out, "webauthn.io (synthetic)"));
    CHECK(has_title(out, "SSH key"));
    CHECK_FALSE(has_title(out, "Card"));
    // Different keys must all match: the SSH key is in no folder.
    const auto both = run_cxf(dir, "convert " + bitwarden + " both.cxf --filter type:ssh-key --filter 'folder:Synthetic Folder'");
    CHECK(both.exit_code == 0);
    CHECK_THAT(both.err, Catch::Contains("selected 0 of 5 items"));
}

TEST_CASE("an unknown filter key or type is a usage error listing the valid ones", "[cli][filter]") {
    test::TempDir dir;
    const auto key = run_cxf(dir, "convert " + bitwarden + " out.cxf --filter colour:red --report r.json");
    CHECK(key.exit_code == 2);
    CHECK(key.err == "cxf convert: --filter colour:red: a filter is KEY:VALUE with KEY one of folder, tag, title, type "
                     "(see cxf convert --help)\n");
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
    CHECK_THAT(test::read_text(dir.path("r.json")), Catch::Contains("\"code\": \"usage\""));
    const auto kind = run_cxf(dir, "convert " + bitwarden + " out.cxf --filter type:password");
    CHECK(kind.exit_code == 2);
    CHECK_THAT(kind.err, Catch::Contains("unknown credential type; the types are basic-auth, passkey, totp, note"));
    CHECK_THAT(kind.err, Catch::Contains("wifi, login"));
    CHECK(list_dir(dir.root().string()) == std::vector<std::string>{"r.json"});
}
