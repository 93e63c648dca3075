// SPDX-License-Identifier: MIT
// The malformed-input corpus (testdata/malformed, written by make_cases.py with each file's expected
// error): every case goes through the conversion `cxf convert --from ID` runs and must fail with its
// code, at its place, naming its file, quickly, and with nothing but a cxf::Error. A sample also runs
// through the cxf program: its exit code, and no output file left behind.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>

#include "cxf/formats/registry.h"
#include "cxf/json/document.h"
#include "cxf/json/reader.h"
#include "cxf/pipeline/convert.h"
#include "tests/cli/cli_run.h"
#include "tests/support/testdata.h"

namespace {

struct Case {
    std::string file, from, code, place, match, what;
    std::optional<std::string> entry, message, password, identity;
};

std::vector<Case> corpus() {
    const cxf::Input manifest = test::read_testdata("malformed/cases.json");
    const cxf::json::Document document(cxf::as_text(manifest.bytes), manifest.name);
    const cxf::json::Reader read({manifest.name, "", "", cxf::json::Wording::expected_got});
    const auto optional = [&](const cxf::json::Cursor& c, std::string_view key) -> std::optional<std::string> {
        if (const auto text = read.optional_string(c, key)) return std::string(*text);
        return std::nullopt;
    };
    std::vector<Case> out;
    for (const cxf::json::Cursor c : read.required_member(document.root(), "cases", cxf::json::Kind::array).elements()) {
        out.push_back({std::string(read.required_string(c, "file")), std::string(read.required_string(c, "from")),
                       std::string(read.required_string(c, "code")), std::string(read.required_string(c, "place")),
                       std::string(read.required_string(c, "match")), std::string(read.required_string(c, "what")),
                       optional(c, "entry"), optional(c, "message"), optional(c, "password"), optional(c, "identity")});
    }
    return out;
}

std::string path_of(const std::string& relative) { return test::testdata("malformed/" + relative); }

// The folder of a case's file: key files named by a case are relative to it.
std::string folder_of(const std::string& relative) { return relative.substr(0, relative.rfind('/') + 1); }

bool place_matches(const Case& c, const std::string& place) {
    if (c.match == "exact") return place == c.place;
    return place == c.place || place.starts_with(c.place + " ");
}

// What `cxf convert FILE out.cxf --from ID --dry-run` does, with the case's password or key.
cxf::Conversion convert(const Case& c, const std::string& output) {
    cxf::ConvertOptions options;
    options.input = path_of(c.file);
    options.output = output;
    options.from = cxf::find_format(c.from);
    options.to = cxf::find_format("cxf");
    options.dry_run = true;
    if (c.password) options.read.password = [&] { return cxf::crypto::Secret(*c.password); };
    if (c.identity)
        options.read.cxp.identity = cxf::io::read_input(path_of(folder_of(c.file) + *c.identity), options.read.limits);
    return cxf::convert(std::move(options));
}

}  // namespace

TEST_CASE("every case of the malformed corpus fails with its code, at its place, quickly", "[robustness][malformed]") {
    const std::vector<Case> cases = corpus();
    REQUIRE(cases.size() >= 300);
    const test::TempDir dir;
    std::map<std::string, std::size_t> per_format;
    const auto start = std::chrono::steady_clock::now();
    for (const Case& c : cases) {
        CAPTURE(c.file, c.what);
        REQUIRE(cxf::find_format(c.from) != nullptr);
        ++per_format[c.from];
        const auto case_start = std::chrono::steady_clock::now();
        cxf::Conversion result;
        try {
            result = convert(c, dir.path("out.cxf"));
        } catch (const std::exception& e) {
            FAIL_CHECK("an exception came out of convert(): " << e.what());
            continue;
        }
        CHECK(std::chrono::steady_clock::now() - case_start < std::chrono::milliseconds(500));
        if (!result.error) {
            FAIL_CHECK("no error");
            continue;
        }
        const cxf::Error& e = *result.error;
        CAPTURE(e.describe());
        CHECK(cxf::errc_name(e.code()) == c.code);
        CHECK(place_matches(c, e.where().place));
        const std::string file = path_of(c.file) + (c.entry ? ":" + *c.entry : "");
        CHECK(e.where().file == file);
        CHECK(e.describe().starts_with(file + ": "));
        if (c.message) CHECK_THAT(e.what(), Catch::Contains(*c.message));
    }
    // Absurd KDF costs and huge lengths are refused before any work: the whole corpus is quick.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(test::list_dir(dir.root().string()).empty());
    for (const cxf::Format& format : cxf::formats())
        if (format.read) CHECK(per_format[std::string(format.id)] > 0);
}

TEST_CASE("the cxf program exits with the code of each error kind and leaves no output", "[robustness][malformed][cli]") {
    const std::vector<Case> cases = corpus();
    const std::map<std::string, int> exit_for = {{"malformed", 1}, {"limit_exceeded", 1}, {"unsupported", 1},
                                                 {"integrity", 1},  {"unrecognized", 1},   {"invalid", 1},
                                                 {"wrong_password", 3}};
    // One case of each format and code, so every exit code and every reader is run once.
    std::map<std::pair<std::string, std::string>, const Case*> sample;
    for (const Case& c : cases) sample.emplace(std::make_pair(c.from, c.code), &c);
    REQUIRE(sample.size() >= 15);
    for (const auto& [key, c] : sample) {
        CAPTURE(c->file, c->what);
        const test::TempDir dir;
        std::string args = "convert '" + path_of(c->file) + "' out.cxf --from " + c->from;
        std::string env;
        if (c->password) {
            args += " --password-env PW";
            env = "PW='" + *c->password + "'";
        }
        if (c->identity) args += " --identity '" + path_of(folder_of(c->file) + *c->identity) + "'";
        const test::CliResult r = test::run_cxf(dir, args, "/dev/null", env);
        CHECK(r.exit_code == exit_for.at(c->code));
        CHECK_THAT(r.err, Catch::Contains(path_of(c->file)));
        CHECK(test::list_dir(dir.root().string()).empty());
    }
}
