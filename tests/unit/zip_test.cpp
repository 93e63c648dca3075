// SPDX-License-Identifier: MIT
// Bounded zip reading and writing: contents round-trip; bombs, traversal, damage and truncation are refused.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cxf/error.h"
#include "cxf/io/zip.h"
#include "tests/support/peak_memory.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

crypto::SecureBytes archive_of(std::initializer_list<std::pair<std::string, std::string>> entries, bool deflate = true) {
    io::MemoryOutput out;
    io::ZipWriter writer(out);
    for (const auto& [name, data] : entries)
        writer.add(name, as_bytes(data), deflate ? io::ZipMethod::deflate_tightest : io::ZipMethod::store);
    writer.finish();
    return std::move(out.bytes());
}

Errc error_of(ByteView archive, const Limits& limits = {}, bool read_all = true) {
    try {
        io::ZipReader reader(archive, "a.zip", limits);
        if (read_all)
            for (std::size_t i = 0; i < reader.entries().size(); ++i) reader.read(i);
    } catch (const Error& e) {
        return e.code();
    }
    FAIL("no error");
    return Errc::io;
}

}  // namespace

TEST_CASE("entries written are read back byte for byte", "[unit][zip]") {
    for (const bool deflate : {true, false}) {
        const auto archive = archive_of({{"index.json", "{\"a\":1}"}, {"documents/x", std::string(5000, 'z')}, {"empty", ""}}, deflate);
        CHECK(io::looks_like_zip(archive));
        io::ZipReader reader(archive, "a.zip", {});
        REQUIRE(reader.entries().size() == 3);
        CHECK(reader.entries()[1].name == "documents/x");
        CHECK(reader.entries()[1].size == 5000);
        const auto doc = reader.read(*reader.find("documents/x"));
        CHECK(std::string(doc.begin(), doc.end()) == std::string(5000, 'z'));
        CHECK(reader.read(*reader.find("empty")).empty());
        CHECK_FALSE(reader.find("missing"));
    }
}

TEST_CASE("entry names that leave the archive's folder are refused", "[unit][zip][malformed]") {
    CHECK(io::safe_entry_name("documents/a.jwe"));
    CHECK_FALSE(io::safe_entry_name("../evil"));
    CHECK_FALSE(io::safe_entry_name("a/../../evil"));
    CHECK_FALSE(io::safe_entry_name("/etc/passwd"));
    CHECK_FALSE(io::safe_entry_name("a\\b"));
    CHECK_FALSE(io::safe_entry_name(""));
    CHECK(error_of(archive_of({{"../evil", "x"}})) == Errc::malformed);
}

TEST_CASE("two entries of one name are refused", "[unit][zip][malformed]") {
    // The writer keeps one entry per name: rename the third in its local and central headers.
    auto archive = archive_of({{"export.data", "{}"}, {"files/a", "x"}, {"export.dat2", "[]"}});
    const std::string from = "export.dat2";
    for (auto at = std::search(archive.begin(), archive.end(), from.begin(), from.end()); at != archive.end();
         at = std::search(at, archive.end(), from.begin(), from.end()))
        *(at + 10) = 'a';
    const Error e = test::thrown_by([&] { io::ZipReader reader(archive, "a.zip", {}); });
    CHECK(e.code() == Errc::malformed);
    CHECK(e.where().file == "a.zip");
    CHECK_THAT(e.what(), Catch::Contains("two zip entries have the same name"));
}

TEST_CASE("decompression bombs and too many entries are refused before inflating", "[unit][zip][limits]") {
    Limits limits;
    limits.max_compression_ratio = 10;
    CHECK(error_of(archive_of({{"bomb", std::string(4 << 20, '\0')}}), limits) == Errc::limit_exceeded);
    Limits total;
    total.max_decompressed_bytes = 1000;
    CHECK(error_of(archive_of({{"a", std::string(600, 'a')}, {"b", std::string(600, 'b')}}), total, false) == Errc::limit_exceeded);
    Limits few;
    few.max_zip_entries = 2;
    CHECK(error_of(archive_of({{"a", "1"}, {"b", "2"}, {"c", "3"}}), few, false) == Errc::limit_exceeded);
}

TEST_CASE("the entry count an archive declares is checked before its directory is read", "[unit][zip][limits]") {
    // An end-of-central-directory record alone, claiming 60 000 entries that are not there: reading the
    // directory would fail as damaged, so a limit error shows the count was checked first.
    std::vector<std::uint8_t> end = {'P', 'K', 5, 6, 0, 0, 0, 0, 0x60, 0xEA, 0x60, 0xEA, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    Limits few;
    few.max_zip_entries = 50000;
    try {
        io::ZipReader reader(end, "a.zip", few);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::limit_exceeded);
        CHECK_THAT(e.what(), Catch::Contains("60000 entries"));
    }
    CHECK(error_of(end, Limits{}, false) == Errc::malformed);  // under the limit: libzip finds no directory
}

TEST_CASE("damaged and truncated archives are malformed, never a crash", "[unit][zip][malformed]") {
    const auto good = archive_of({{"doc", "the quick brown fox jumps over the lazy dog"}}, false);
    auto flipped = good;
    const std::string needle = "quick";
    const auto at = std::search(flipped.begin(), flipped.end(), needle.begin(), needle.end());
    REQUIRE(at != flipped.end());
    *at ^= 0x20;  // stored data no longer matches its CRC
    CHECK(error_of(flipped) == Errc::malformed);
    for (std::size_t cut : {good.size() - 1, good.size() / 2, std::size_t{10}, std::size_t{0}}) {
        CAPTURE(cut);
        CHECK(error_of(ByteView(good.data(), cut)) == Errc::malformed);
    }
    CHECK(error_of(as_bytes("PK\x03\x04 not really a zip")) == Errc::malformed);
}

TEST_CASE("an entry claiming a huge size costs only what it really holds before it is refused", "[unit][zip][limits]") {
    std::string noise(100 * 1024, '\0');  // incompressible, so the claim stays under the ratio cap
    std::uint32_t x = 12345;
    for (char& c : noise) c = static_cast<char>((x = x * 1103515245 + 12345) >> 24);
    auto archive = archive_of({{"index.json", noise}});
    const auto patch_size = [&](std::string_view signature, std::size_t offset) {
        const auto at = std::search(archive.begin(), archive.end(), signature.begin(), signature.end());
        REQUIRE(at != archive.end());
        const std::uint32_t claim = 64u << 20;
        for (std::size_t i = 0; i < 4; ++i) *(at + static_cast<std::ptrdiff_t>(offset + i)) = static_cast<std::uint8_t>(claim >> (8 * i));
    };
    patch_size("PK\x07\x08", 12);  // data descriptor (the writer streams entries): uncompressed size
    patch_size("PK\x01\x02", 24);  // central directory: uncompressed size
    io::ZipReader reader(archive, "a.zip", {});
    REQUIRE(reader.entries()[0].size == 64u << 20);
    std::optional<Error> e;
    const std::uint64_t growth = test::peak_memory_growth([&] { e = test::thrown_by([&] { reader.read(0); }); });
    CHECK(e->code() == Errc::malformed);
    CHECK_THAT(e->what(), Catch::Contains("shorter than its declared size"));
    CHECK(growth < (8u << 20));  // the claimed 64 MiB were allocated and zeroed before
}
