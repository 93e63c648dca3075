// SPDX-License-Identifier: MIT
// Damaged and hostile 1PUX files (testdata/1password/malformed, from make_fixtures.py): each is one
// cxf::Error with its code, the file and zip entry, and the JSON pointer where there is one.
#include <catch2/catch.hpp>

#include "cxf/formats/registry.h"
#include "cxf/io/zip.h"
#include "tests/onepux/support.h"
#include "tests/support/testdata.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

Error error_reading(std::string_view relative, ReadOptions options = {}) {
    return test::thrown_by([&] {
        Report report;
        onepux_test::read(relative, report, options);
    });
}

std::string path_of(std::string_view relative) { return test::testdata(relative); }

}  // namespace

TEST_CASE("a 1PUX without export.data is malformed, naming the missing entry", "[onepux][malformed]") {
    const Error e = error_reading("1password/malformed/no-export-data.1pux");
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().file == path_of("1password/malformed/no-export-data.1pux"));
    CHECK(e.where().place == "export.data");
}

TEST_CASE("an export.data that is not JSON is malformed at its entry and pointer", "[onepux][malformed]") {
    const Error e = error_reading("1password/malformed/truncated-json.1pux");
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().file == path_of("1password/malformed/truncated-json.1pux") + ":export.data");
    CHECK(e.where().place == "/accounts/0/attrs/domain");
}

TEST_CASE("a member of the wrong type is malformed at its pointer, without its value", "[onepux][malformed]") {
    const Error e = error_reading("1password/malformed/wrong-type.1pux");
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().file == path_of("1password/malformed/wrong-type.1pux") + ":export.data");
    CHECK(e.where().place == "/accounts/0/vaults/0/items/0/createdAt");
    CHECK_THAT(e.what(), Catch::Contains("expected an integer, got string") && !Catch::Contains("yesterday"));
}

TEST_CASE("a zip entry that climbs out of files/ is refused before anything is read", "[onepux][malformed]") {
    const Error e = error_reading("1password/malformed/traversal-entry.1pux");
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().file == path_of("1password/malformed/traversal-entry.1pux"));
    CHECK(e.where().place == "entry 2");
}

TEST_CASE("a document whose name would leave files/ is refused at its attributes", "[onepux][malformed]") {
    const Error e = error_reading("1password/malformed/document-escape.1pux");
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().place == "/accounts/0/vaults/0/items/0/details/documentAttributes");
    CHECK_THAT(e.what(), Catch::Contains("out of files/"));
}

TEST_CASE("an entry over the size limit is refused, naming the entry", "[onepux][malformed]") {
    ReadOptions options;
    options.limits.max_input_bytes = 20000;  // the sample's export.data inflates to 53492 bytes
    const Error e = error_reading(onepux_test::keepassxc_sample, options);
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(e.where().file == path_of(onepux_test::keepassxc_sample));
    CHECK(e.where().place == "export.data");
}

TEST_CASE("zips of other formats and other zips are not taken for 1PUX", "[onepux]") {
    const Format& onepux = *find_format("1pux");
    const Input sample = test::read_testdata(onepux_test::keepassxc_sample);
    CHECK(onepux.detect(sample.bytes, sample.name) == Confidence::yes);
    const std::string_view not_zip = "{\"accounts\": []} export.data export.attributes";
    CHECK(onepux.detect(as_bytes(not_zip), "x.1pux") == Confidence::no);
    const std::string_view other_zip("PK\x03\x04 index.json", 16);
    CHECK(onepux.detect(as_bytes(other_zip), "x.zip") == Confidence::no);
    const std::string_view data_only("PK\x03\x04 export.data", 16);
    CHECK(onepux.detect(as_bytes(data_only), "x.zip") == Confidence::maybe);
}

TEST_CASE("a zip bomb as export.data is refused before it is inflated", "[onepux][malformed][limits]") {
    io::MemoryOutput out;
    io::ZipWriter writer(out);
    writer.add("export.attributes", as_bytes(std::string_view(R"({"version":3,"createdAt":1})")), io::ZipMethod::deflate);
    const std::string bomb = "{\"accounts\":[" + std::string(64u << 20, ' ') + "]}";
    writer.add("export.data", as_bytes(bomb), io::ZipMethod::deflate_tightest);
    writer.finish();
    REQUIRE(out.bytes().size() < bomb.size() / 1000);
    const Error e = test::thrown_by([&] {
        Report report;
        find_format("1pux")->read(Input{"bomb.1pux", std::move(out.bytes())}, {}, report);
    });
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(e.where().file == "bomb.1pux");
    CHECK(e.where().place == "export.data");
    CHECK_THAT(e.what(), Catch::Contains("inflates more than"));
}

TEST_CASE("a truncated 1PUX is malformed, never a crash", "[onepux][malformed]") {
    const Input sample = test::read_testdata(onepux_test::keepassxc_sample);
    for (const std::size_t keep : {sample.bytes.size() / 2, sample.bytes.size() - 30, std::size_t{40}}) {
        CAPTURE(keep);
        const Error e = test::thrown_by([&] {
            Report report;
            Input cut{"cut.1pux", crypto::SecureBytes(sample.bytes.begin(), sample.bytes.begin() + static_cast<std::ptrdiff_t>(keep))};
            find_format("1pux")->read(cut, {}, report);
        });
        CHECK(e.code() == Errc::malformed);
        CHECK(e.where().file == "cut.1pux");
    }
}
