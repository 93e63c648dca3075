// SPDX-License-Identifier: MIT
// cxf batch's plan: output names, clashes found before anything runs, and the overall exit code.
#include <catch2/catch.hpp>

#include "cxf/formats/registry.h"
#include "cxf/pipeline/batch.h"
#include "tests/support/testdata.h"
#include "tests/support/thrown.h"

using namespace cxf;

TEST_CASE("a batch output is named after its input, with the target's extension", "[unit][batch]") {
    const Format& kdbx = *find_format("kdbx");
    CHECK(batch_output_name("in/export.json", kdbx) == "export.kdbx");
    CHECK(batch_output_name("in/export.bitwarden.json", kdbx) == "export.kdbx");
    CHECK(batch_output_name("vault.cxf.zip", kdbx) == "vault.kdbx");
    CHECK(batch_output_name("items.1pux", kdbx) == "items.kdbx");
    CHECK(batch_output_name("v1.2.csv", kdbx) == "v1.2.kdbx");
    CHECK(batch_output_name("no-extension", kdbx) == "no-extension.kdbx");
    CHECK(batch_output_name("a/b.kdbx", *find_format("bitwarden")) == "b.bitwarden.json");
}

TEST_CASE("inputs sharing an output name are refused, naming both", "[unit][batch]") {
    const Format& kdbx = *find_format("kdbx");
    const auto plan = plan_batch({"in/a.json", "in/b.json"}, "out", "reports/", kdbx);
    REQUIRE(plan.size() == 2);
    CHECK(plan[1].output == "out/b.kdbx");
    CHECK(plan[1].report == "reports/b.kdbx.report.json");
    const Error e = test::thrown_by([&] { plan_batch({"x/a.json", "y/a.csv"}, "out", "out", kdbx); });
    CHECK(e.code() == Errc::usage);
    CHECK_THAT(e.what(), Catch::Contains("x/a.json and y/a.csv would both be written to out/a.kdbx"));
}

TEST_CASE("a batch exits 0, with the code its failures share, or 1", "[unit][batch]") {
    const auto result = [](Outcome outcome, std::optional<Errc> error) {
        BatchResult r;
        r.conversion.outcome = outcome;
        if (error) r.conversion.error = Error(*error, {}, "x");
        return r;
    };
    BatchResult skipped;
    skipped.skipped = true;
    const BatchResult written = result(Outcome::written, {});
    const BatchResult wrong = result(Outcome::failed, Errc::wrong_password);
    const BatchResult refused = result(Outcome::losses_refused, {});
    CHECK(batch_exit_code(std::vector<BatchResult>{}) == exit_ok);
    CHECK(batch_exit_code(std::vector{written, skipped}) == exit_ok);
    CHECK(batch_exit_code(std::vector{written, wrong, wrong}) == exit_wrong_password);
    CHECK(batch_exit_code(std::vector{refused, written}) == exit_losses_refused);
    CHECK(batch_exit_code(std::vector{wrong, refused}) == exit_invalid_input);
}

TEST_CASE("run_batch gives each file its result, in order, whatever the number of threads", "[unit][batch]") {
    test::TempDir dir;
    const Format& cxf = *find_format("cxf");
    std::vector<ConvertOptions> conversions;
    for (int i = 0; i < 6; ++i) {
        ConvertOptions& o = conversions.emplace_back();
        o.input = i == 3 ? dir.path("missing.json") : test::testdata("cxf/spec-appendix-a-32-byte-hash.json");
        o.output = dir.path("out-" + std::to_string(i) + ".cxf");
        o.to = &cxf;
    }
    for (const unsigned threads : {1u, 3u, 16u}) {
        CAPTURE(threads);
        std::size_t done = 0;
        const auto results = run_batch(conversions, threads, [&](const BatchResult&) { ++done; });
        CHECK(done == 6);
        REQUIRE(results.size() == 6);
        for (std::size_t i = 0; i < 6; ++i) CHECK(results[i].conversion.output == conversions[i].output);
        CHECK(exit_code(results[3]) == exit_io);
        // The first run wrote the others; the later ones find them done.
        CHECK(results[0].skipped == (threads != 1));
    }
}
