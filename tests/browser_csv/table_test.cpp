// SPDX-License-Identifier: MIT
// The header-driven CSV layer: columns by name in any order and case, a missing one named, the
// others reported; short rows refused or padded, long rows refused.
#include <catch2/catch.hpp>

#include "cxf/csv/table.h"
#include "tests/browser_csv/support.h"

using namespace cxf;

namespace {

constexpr csv::ColumnName names[] = {{"url", true}, {"user", true}, {"note"}};

}  // namespace

TEST_CASE("csv::Columns finds columns by name and reports the others by position", "[csv][table]") {
    const std::string text = " USER ,Url,secret-looking header\nu,https://x/,s3cr3t\n";
    csv::Table table(as_bytes(text), {}, "t.csv", {});
    Report report;
    const csv::Columns columns(table, names, "Test CSV", report);
    CHECK(columns.index("user") == 0u);
    CHECK(columns.index("url") == 1u);
    CHECK_FALSE(columns.has("note"));
    REQUIRE(report.notices().size() == 1);
    CHECK(report.notices()[0].place == "line 1, column 3");
    CHECK(report.notices()[0].message == "column 3 is not one of the Test CSV columns; ignored");
    const auto row = table.next(csv::ShortRows::refused, report);
    REQUIRE(row);
    CHECK(columns.cell(*row, "url") == "https://x/");
    CHECK(columns.cell(*row, "note").empty());
    CHECK_FALSE(table.next(csv::ShortRows::refused, report));
}

TEST_CASE("csv::Columns names the first required column a header lacks, and a name given twice", "[csv][table]") {
    Report report;
    const std::string missing = "url,note\nx,y\n";
    csv::Table table(as_bytes(missing), {}, "t.csv", {});
    try {
        csv::Columns(table, names, "Test CSV", report);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().place == "line 1");
        CHECK_THAT(e.what(), Catch::Contains("not a Test CSV header: it has no 'user' column"));
    }
    const std::string twice = "url,user,URL\nx,y,z\n";
    csv::Table again(as_bytes(twice), {}, "t.csv", {});
    const csv::Columns columns(again, names, "Test CSV", report);
    CHECK(columns.index("url") == 0u);
    CHECK(browser_test::has_message(report, NoticeKind::changed, "column 3 names a Test CSV column a second time"));
}

TEST_CASE("csv::Table skips blank lines, pads or refuses short rows and refuses long ones", "[csv][table]") {
    const std::string text = "a,b,c\n\n1,2,3\n4,5\n6,7,8,9\n";
    csv::Table padded(as_bytes(text), {}, "t.csv", {});
    Report report;
    CHECK(padded.next(csv::ShortRows::padded, report)->line == 3);
    const auto short_row = padded.next(csv::ShortRows::padded, report);
    REQUIRE(short_row);
    CHECK(short_row->cells.size() == 3);
    CHECK(short_row->cells[2].empty());
    CHECK(browser_test::has_message(report, NoticeKind::changed, "the row has 2 cells and the header 3"));
    try {
        padded.next(csv::ShortRows::padded, report);
        FAIL("no error for a long row");
    } catch (const Error& e) {
        CHECK(e.where().place == "line 5, column 4");
    }

    csv::Table refusing(as_bytes(text), {}, "t.csv", {});
    refusing.next(csv::ShortRows::refused, report);
    try {
        refusing.next(csv::ShortRows::refused, report);
        FAIL("no error for a short row");
    } catch (const Error& e) {
        CHECK(e.where().place == "line 4, column 3");
        CHECK_THAT(e.what(), Catch::Contains("expected 3 cells, as the header has, got 2"));
    }
    try {
        csv::Table empty(ByteView(), {}, "t.csv", {});
        FAIL("no error for an empty file");
    } catch (const Error& e) {
        CHECK_THAT(e.what(), Catch::Contains("no header row"));
    }
}
