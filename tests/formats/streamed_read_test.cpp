// SPDX-License-Identifier: MIT
// Formats that read in pieces (Bitwarden JSON, CXF JSON) get a file as it is read: the same vault as
// from the whole file, without the whole file in memory.
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>

#include "cxf/pipeline/read_as.h"
#include "tests/support/json_diff.h"
#include "tests/support/peak_memory.h"
#include "tests/support/testdata.h"

using namespace cxf;

TEST_CASE("a file in a format that reads in pieces gives what it gives read whole", "[formats][streaming]") {
    const auto fixture = GENERATE(as<std::string>{}, "bitwarden/keepassxc-bitwarden_export.json",
                                  "bitwarden/pass-import-bitwarden-org.json", "cxf/apple-cxp-1password-account.json",
                                  "cxf/spec-appendix-a-ps-20250814.json");
    CAPTURE(fixture);
    const Format* format = nullptr;
    ReadOptions options;
    Report streamed_report, whole_report;
    const Vault streamed = read_file_as(test::testdata(fixture), format, options, nullptr, streamed_report);
    REQUIRE(format != nullptr);
    CHECK(format->read_stream != nullptr);
    const Vault whole = read_as(test::read_testdata(fixture), *format, {}, whole_report);
    CHECK(test::to_string(test::vault_diff(streamed, whole)) == "");
    CHECK(test::notices_text(streamed_report) == test::notices_text(whole_report));
    CHECK_FALSE(whole.accounts.empty());
}

TEST_CASE("a file in a format that reads in pieces is never in memory whole", "[formats][streaming]") {
    // A small export padded with 48 MiB of whitespace before its closing brace: read whole, it costs
    // its size; read in pieces, a few pieces (with AddressSanitizer's overhead: some MiB more, but
    // never in proportion to the padding).
    const auto fixture = GENERATE(as<std::string>{}, "bitwarden/keepassxc-bitwarden_export.json",
                                  "cxf/spec-appendix-a-ps-20250814.json");
    CAPTURE(fixture);
    test::TempDir dir;
    std::string text = test::read_text(test::testdata(fixture));
    constexpr std::uint64_t padding = 48 << 20;
    text.insert(text.rfind('}'), std::string(padding, ' '));
    const std::string path = dir.path("padded.json");
    std::ofstream(path, std::ios::binary) << text;
    text = {};

    const Format* format = nullptr;
    ReadOptions options;
    Report report;
    std::size_t items = 0;
    const std::uint64_t streamed = test::peak_memory_growth([&] {
        items = read_file_as(path, format, options, nullptr, report).accounts.at(0).items.size();
    });
    CHECK(items > 0);
    CHECK(streamed < padding / 2);
    const std::uint64_t whole = test::peak_memory_growth([&] { read_as(io::read_input(path, {}), *format, {}, report); });
    CHECK(whole > padding);
}
