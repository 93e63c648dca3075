// SPDX-License-Identifier: MIT
// The C API, called as a C program would: handles, statuses, errors, ownership.
#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cxf/cxf.h"
#include "tests/cli/cli_run.h"
#include "tests/support/testdata.h"

namespace {

const std::string plain_export = test::testdata("bitwarden/synthetic-bitwarden-plain-with-passkeys.json");
const std::string protected_export = test::testdata("bitwarden/synthetic-bitwarden-pwprotected-pbkdf2-with-passkeys.json");

std::vector<std::string> titles(const cxf_vault* vault) {
    std::vector<std::string> out;
    for (size_t i = 0; i < cxf_vault_item_count(vault); ++i) out.emplace_back(cxf_item_title(vault, i));
    return out;
}

struct Options {
    cxf_options* handle = cxf_options_new();
    ~Options() { cxf_options_free(handle); }
};

}  // namespace

TEST_CASE("the C API lists the formats and what each does", "[library]") {
    std::vector<std::string> ids;
    for (size_t i = 0; cxf_format_id(i); ++i) ids.emplace_back(cxf_format_id(i));
    CHECK(std::find(ids.begin(), ids.end(), "kdbx") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "bitwarden-csv") != ids.end());
    CHECK(cxf_format_reads("1pux") == 1);
    CHECK(cxf_format_writes("cxp") == 1);
    CHECK(cxf_format_reads("no-such-format") == 0);
    CHECK(std::string(cxf_version()) == "0.1.0");
}

TEST_CASE("the C API reads a vault, edits its items and writes it in another format", "[library]") {
    test::TempDir dir;
    cxf_vault* vault = nullptr;
    cxf_error* error = nullptr;
    REQUIRE(cxf_read_file(plain_export.c_str(), nullptr, &vault, &error) == CXF_OK);
    CHECK(error == nullptr);
    CHECK(std::string(cxf_vault_format(vault)) == "bitwarden");
    const auto before = titles(vault);
    REQUIRE(before.size() == 5);
    std::vector<std::string> types;
    for (size_t i = 0; i < cxf_vault_item_count(vault); ++i)
        for (size_t c = 0; c < cxf_item_credential_count(vault, i); ++c) types.emplace_back(cxf_item_credential_type(vault, i, c));
    CHECK(std::count(types.begin(), types.end(), "passkey") == 2);
    CHECK(cxf_item_title(vault, 5) == nullptr);
    CHECK(cxf_item_credential_type(vault, 0, 99) == nullptr);

    REQUIRE(cxf_item_set_title(vault, 0, "Renamed", &error) == CXF_OK);
    REQUIRE(cxf_vault_remove_item(vault, 1, &error) == CXF_OK);
    CHECK(cxf_vault_remove_item(vault, 7, &error) == CXF_USAGE);
    REQUIRE(error);
    CHECK(cxf_error_status(error) == CXF_USAGE);
    cxf_error_free(error);
    error = nullptr;
    CHECK(cxf_vault_validate(vault, &error) == CXF_OK);

    const std::string out = dir.path("out.cxf");
    size_t losses = 99;
    REQUIRE(cxf_write_file(vault, out.c_str(), nullptr, &losses, &error) == CXF_OK);
    CHECK(losses == 0);
    CHECK(test::mode_of(out) == 0600);
    CHECK(cxf_write_file(vault, out.c_str(), nullptr, &losses, &error) == CXF_IO);  // exists, no CXF_FORCE
    REQUIRE(error);
    CHECK(std::string(cxf_error_message(error)).find(out) == 0);
    cxf_error_free(error);
    error = nullptr;

    cxf_vault* again = nullptr;
    REQUIRE(cxf_read_file(out.c_str(), nullptr, &again, &error) == CXF_OK);
    auto expected = before;
    expected[0] = "Renamed";
    expected.erase(expected.begin() + 1);
    CHECK(titles(again) == expected);
    cxf_vault_free(again);

    // Strict: Bitwarden CSV cannot hold passkeys, so nothing is written.
    Options options;
    cxf_options_set_flags(options.handle, CXF_STRICT);
    REQUIRE(cxf_options_set_to(options.handle, "bitwarden-csv", &error) == CXF_OK);
    const std::string csv = dir.path("out.csv");
    CHECK(cxf_write_file(vault, csv.c_str(), options.handle, &losses, &error) == CXF_LOSSES_REFUSED);
    CHECK(losses > 0);
    CHECK(test::list_dir(dir.root().string()) == std::vector<std::string>{"out.cxf"});
    cxf_error_free(error);
    cxf_vault_free(vault);
}

TEST_CASE("the C API takes passwords as bytes and tells a wrong one from a missing one", "[library]") {
    cxf_vault* vault = nullptr;
    cxf_error* error = nullptr;
    CHECK(cxf_read_file(protected_export.c_str(), nullptr, &vault, &error) == CXF_USAGE);
    CHECK(vault == nullptr);
    cxf_error_free(error);
    error = nullptr;

    Options options;
    const char wrong[] = "not-the-password";
    cxf_options_set_password(options.handle, wrong, std::strlen(wrong));
    CHECK(cxf_read_file(protected_export.c_str(), options.handle, &vault, &error) == CXF_WRONG_PASSWORD);
    REQUIRE(error);
    const std::string message = cxf_error_message(error);
    CHECK(message.find(protected_export) == 0);
    CHECK(message.find(wrong) == std::string::npos);
    cxf_error_free(error);
    error = nullptr;

    // A password is its bytes up to the length given, not up to a NUL.
    const std::string right = "bitwarden-export-test", followed = right + "-and-more";
    cxf_options_set_password(options.handle, followed.data(), right.size());
    REQUIRE(cxf_read_file(protected_export.c_str(), options.handle, &vault, &error) == CXF_OK);
    CHECK(cxf_vault_item_count(vault) == 5);
    cxf_vault_free(vault);

    const std::string bytes = test::read_text(plain_export);
    REQUIRE(cxf_read_buffer("export.json", reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, &vault,
                            &error) == CXF_OK);
    CHECK(cxf_vault_item_count(vault) == 5);
    cxf_vault_free(vault);
    CHECK(cxf_read_buffer("cut.json", reinterpret_cast<const unsigned char*>(bytes.data()), 40, nullptr, &vault, &error) ==
          CXF_INVALID_INPUT);
    REQUIRE(error);
    CHECK(std::string(cxf_error_message(error)).find("cut.json: ") == 0);
    cxf_error_free(error);
}

TEST_CASE("cxf_convert runs a whole conversion and hands back its report", "[library]") {
    test::TempDir dir;
    cxf_result* result = nullptr;
    Options options;
    cxf_options_set_flags(options.handle, CXF_DRY_RUN);
    const std::string out = dir.path("vault.bitwarden.csv");
    REQUIRE(cxf_options_set_to(options.handle, "bitwarden-csv", nullptr) == CXF_OK);
    CHECK(cxf_convert(plain_export.c_str(), out.c_str(), options.handle, &result) == CXF_OK);
    CHECK(cxf_result_loss_count(result) > 0);
    const std::string report = cxf_result_report_json(result);
    CHECK(report.find("\"dryRun\": true") != std::string::npos);
    CHECK(report.find("\"feature\": \"passkeys\"") != std::string::npos);
    cxf_result_free(result);
    CHECK(test::list_dir(dir.root().string()).empty());

    cxf_options_set_flags(options.handle, CXF_STRICT);
    CHECK(cxf_convert(plain_export.c_str(), out.c_str(), options.handle, &result) == CXF_LOSSES_REFUSED);
    cxf_result_free(result);
    CHECK(cxf_options_set_to(options.handle, "no-such-format", nullptr) == CXF_USAGE);
}
