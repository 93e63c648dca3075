// SPDX-License-Identifier: MIT
// The plain CXF archive: index.json plus each file credential's bytes; checked on the way in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

#include "cxf/crypto/hash.h"
#include "cxf/cxf_json/cxf_json.h"
#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/zip.h"
#include "cxf/plugin/format.h"
#include "tests/cxf_json/kitchen_sink.h"
#include "tests/support/json_diff.h"

using namespace cxf;

namespace {

const Format& archive_format() { return *find_format("cxf-archive"); }

// The kitchen sink, its scan.pdf given the five bytes its integrityHash describes.
Vault sink_with_bytes() {
    Report report;
    Vault v = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, report);
    std::get<File>(v.accounts[0].items[1].credentials[0]).data = crypto::SecureBytes{'h', 'e', 'l', 'l', 'o'};
    return v;
}

crypto::SecureBytes write_archive(const Vault& v, Report& report) {
    io::MemoryOutput out;
    archive_format().write(v, out, {}, report);
    return std::move(out.bytes());
}

Vault read_archive(const crypto::SecureBytes& bytes, Report& report) {
    Input input{"a.cxf.zip", crypto::SecureBytes(bytes.begin(), bytes.end())};
    return archive_format().read(input, {}, report);
}

// Rebuilds an archive from the entries of `bytes`, letting `edit` change or add entries.
crypto::SecureBytes rebuilt(const crypto::SecureBytes& bytes,
                            const std::function<void(std::vector<std::pair<std::string, crypto::SecureBytes>>&)>& edit) {
    io::ZipReader reader(bytes, "a", {});
    std::vector<std::pair<std::string, crypto::SecureBytes>> entries;
    for (std::size_t i = 0; i < reader.entries().size(); ++i) entries.emplace_back(reader.entries()[i].name, reader.read(i));
    edit(entries);
    io::MemoryOutput out;
    io::ZipWriter writer(out);
    for (const auto& [name, data] : entries) writer.add(name, data, io::ZipMethod::deflate);
    writer.finish();
    return std::move(out.bytes());
}

Error read_error(const crypto::SecureBytes& bytes) {
    Report report;
    try {
        read_archive(bytes, report);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error");
    throw std::logic_error("unreachable");
}

const std::string document = "documents/ZmlsZS0x";  // base64url of the file id "file-1"

}  // namespace

TEST_CASE("a CXF archive keeps everything, attachment bytes included", "[archive]") {
    const Vault original = sink_with_bytes();
    Report report;
    const auto bytes = write_archive(original, report);
    CHECK(report.notices().empty());
    CHECK(find_format("cxf-archive")->detect(bytes, "x") == Confidence::yes);
    CHECK(detect_format(Input{"x", crypto::SecureBytes(bytes.begin(), bytes.end())}).id == "cxf-archive");
    io::ZipReader zip(bytes, "a", {});
    REQUIRE(zip.entries().size() == 2);
    CHECK(zip.entries()[0].name == "index.json");
    CHECK(zip.entries()[1].name == document);

    Report read_report;
    const Vault again = read_archive(bytes, read_report);
    CHECK(test::to_string(test::vault_diff(original, again)) == "");
    const auto& file = std::get<File>(again.accounts[0].items[1].credentials[0]);
    REQUIRE(file.data);
    CHECK(std::string(file.data->begin(), file.data->end()) == "hello");
}

TEST_CASE("a file credential without bytes is reported and left out of the archive", "[archive]") {
    Report report;
    const Vault v = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, report);
    Report write_report;
    const auto bytes = write_archive(v, write_report);
    REQUIRE(write_report.count(NoticeKind::lost) == 1);
    CHECK(write_report.notices()[0].field == "attachment:scan.pdf");
    Report read_report;
    const Vault again = read_archive(bytes, read_report);
    CHECK_FALSE(std::holds_alternative<File>(again.accounts[0].items[1].credentials[0]));
}

TEST_CASE("documents are checked against their file credential", "[archive][malformed]") {
    Report report;
    const auto good = write_archive(sink_with_bytes(), report);
    auto replace_document = [&](std::string_view content) {
        return rebuilt(good, [&](auto& entries) {
            for (auto& [name, data] : entries)
                if (name == document) data.assign(content.begin(), content.end());
        });
    };
    const Error tampered = read_error(replace_document("hellO"));
    CHECK(tampered.code() == Errc::integrity);
    CHECK_THAT(tampered.what(), Catch::Contains("'ZmlsZS0x' does not match its integrityHash"));
    const Error longer = read_error(replace_document("hello!"));
    CHECK(longer.code() == Errc::integrity);
    CHECK_THAT(longer.what(), Catch::Contains("decryptedSize"));

    const Error missing = read_error(rebuilt(good, [&](auto& entries) { entries.pop_back(); }));
    CHECK(missing.code() == Errc::malformed);
    CHECK(missing.where().place == "/accounts/0/items/1/credentials/0");
    CHECK_THAT(missing.what(), Catch::Contains("'ZmlsZS0x' has no document"));

    const Error stray = read_error(rebuilt(good, [&](auto& entries) { entries.emplace_back("documents/c3RyYXk", crypto::SecureBytes{1}); }));
    CHECK(stray.code() == Errc::malformed);
    CHECK(stray.where().place == "documents/c3RyYXk");

    CHECK(read_error(rebuilt(good, [&](auto& entries) { entries.erase(entries.begin()); })).code() == Errc::malformed);
}

TEST_CASE("the CXP-Export/ variant is read, and unknown entries are reported", "[archive]") {
    Report report;
    const auto good = write_archive(sink_with_bytes(), report);
    const auto variant = rebuilt(good, [&](auto& entries) {
        for (auto& [name, data] : entries) name = "CXP-Export/" + name;
        entries.emplace_back("README.txt", crypto::SecureBytes{'h', 'i'});
    });
    Report read_report;
    const Vault v = read_archive(variant, read_report);
    CHECK(std::get<File>(v.accounts[0].items[1].credentials[0]).data->size() == 5);
    bool reported = false;
    for (const Notice& n : read_report.notices()) reported |= n.kind == NoticeKind::skipped && n.place == "README.txt";
    CHECK(reported);
}

TEST_CASE("a damaged index.json is refused at its entry, whichever thread inflates it", "[archive][malformed]") {
    Report report;
    const auto good = write_archive(sink_with_bytes(), report);
    // Stored, so that a flipped byte near the end is still JSON, and only the CRC, checked when the
    // entry's end is read, tells.
    const auto stored = [&](const std::function<void(crypto::SecureBytes&)>& damage) {
        io::ZipReader reader(good, "a", {});
        io::MemoryOutput out;
        io::ZipWriter writer(out);
        for (std::size_t i = 0; i < reader.entries().size(); ++i)
            writer.add(reader.entries()[i].name, reader.read(i), io::ZipMethod::store);
        writer.finish();
        crypto::SecureBytes bytes = std::move(out.bytes());
        damage(bytes);
        return bytes;
    };
    REQUIRE_NOTHROW(read_archive(stored([](crypto::SecureBytes&) {}), report));
    const Error crc = read_error(stored([](crypto::SecureBytes& bytes) {
        const std::string_view key = "\"exporterDisplayName\"";  // a member's name: one letter's case
        const auto at = std::search(bytes.begin(), bytes.end(), key.begin(), key.end());
        REQUIRE(at != bytes.end());
        *(at + 1) ^= 0x20;
    }));
    CHECK(crc.code() == Errc::malformed);
    CHECK(crc.where().file == "a.cxf.zip");
    CHECK(crc.where().place == "index.json");
    CHECK_THAT(crc.what(), Catch::Contains("CRC"));
}
