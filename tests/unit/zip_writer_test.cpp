// SPDX-License-Identifier: MIT
// The streaming zip writer's archives read back, by libzip (with its consistency checks) and by
// Python's zipfile: streamed, stored and deflated entries, zip64 end records, modes, names and dates.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cxf/error.h"
#include "cxf/io/zip.h"
#include "tests/support/testdata.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

std::string python_check(const crypto::SecureBytes& archive, const test::TempDir& dir, std::size_t listed) {
    const std::string path = dir.path("checked.zip");
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(archive.data()), static_cast<std::streamsize>(archive.size()));
    const std::string script = (std::filesystem::path(__FILE__).parent_path() / "zip" / "zip_check.py").string();
    const std::string command = "PYTHONIOENCODING=utf-8 /usr/bin/python3 -B '" + script + "' '" + path + "' " + std::to_string(listed);
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    REQUIRE(pclose(pipe) == 0);
    return output;
}

std::string noise(std::size_t size, std::uint32_t seed) {
    std::string text(size, '\0');
    for (char& c : text) c = static_cast<char>((seed = seed * 1103515245 + 12345) >> 24);
    return text;
}

std::string local_time(std::int64_t t) {
    const std::time_t time = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&time, &tm);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec / 2 * 2);
    return text;
}

}  // namespace

TEST_CASE("a zip written as a stream reads back through libzip and Python's zipfile", "[unit][zip]") {
    std::string streamed;
    for (int i = 0; streamed.size() < (3u << 20); ++i) streamed += "{\"item\":" + std::to_string(i * 7919 % 100003) + "},\n";
    const std::string stored = "stored as it is", deflated = noise(100 * 1024, 7);
    const std::int64_t modified = 1700000001;

    io::MemoryOutput out;
    io::ZipWriter zip(out);
    zip.add("stored.txt", as_bytes(stored), io::ZipMethod::store, modified);
    io::Output& entry = zip.begin("index.json", io::ZipMethod::deflate, modified);
    for (std::size_t at = 0; at < streamed.size(); at += 1000) entry.write(as_bytes(std::string_view(streamed).substr(at, 1000)));
    zip.add("dócuments/ünï.bin", as_bytes(deflated), io::ZipMethod::deflate, modified);
    zip.finish();
    const crypto::SecureBytes& archive = out.bytes();
    CHECK(archive.size() < streamed.size() / 3);

    const io::ZipReader reader(archive, "a.zip", {});
    REQUIRE(reader.entries().size() == 3);
    CHECK(as_text(reader.read(*reader.find("stored.txt"))) == stored);
    CHECK(as_text(reader.read(*reader.find("index.json"))) == streamed);
    CHECK(as_text(reader.read(*reader.find("dócuments/ünï.bin"))) == deflated);

    const test::TempDir dir;
    const std::string date = local_time(modified);
    CHECK(python_check(archive, dir, 3) ==
          "bad None\ncount 3\n"
          "entry stored.txt 15 0o100600 True " + date + "\n"
          "entry index.json " + std::to_string(streamed.size()) + " 0o100600 True " + date + "\n"
          "entry dócuments/ünï.bin 102400 0o100600 True " + date + "\n");
}

TEST_CASE("a zip of more than 65 535 entries ends with zip64 records", "[unit][zip]") {
    constexpr std::size_t count = 70000;
    io::MemoryOutput out;
    io::ZipWriter zip(out);
    for (std::size_t i = 0; i < count; ++i) zip.add("e/" + std::to_string(i), as_bytes(std::to_string(i)), io::ZipMethod::store, 0);
    zip.finish();
    const crypto::SecureBytes& archive = out.bytes();
    const std::string_view end64("PK\x06\x06", 4);
    CHECK(std::search(archive.begin(), archive.end(), end64.begin(), end64.end()) != archive.end());

    const io::ZipReader reader(archive, "many.zip", {});
    REQUIRE(reader.entries().size() == count);
    CHECK(as_text(reader.read(*reader.find("e/69999"))) == "69999");

    const test::TempDir dir;
    const std::string checked = python_check(archive, dir, 0);
    CHECK(checked == "bad None\ncount 70000\n");
}

TEST_CASE("only deflated entries can be written as a stream", "[unit][zip]") {
    io::MemoryOutput out;
    io::ZipWriter zip(out);
    CHECK(test::thrown_by([&] { zip.begin("x", io::ZipMethod::store); }).code() == Errc::usage);
    CHECK(test::thrown_by([&] { zip.begin("x", io::ZipMethod::deflate_or_store); }).code() == Errc::usage);
}

TEST_CASE("deflate_or_store stores bytes that do not compress and deflates those that do", "[unit][zip]") {
    const std::string random = noise(1 << 20, 11);
    std::string text;
    for (int i = 0; text.size() < (1u << 20); ++i) text += "line " + std::to_string(i) + " of a document\n";
    const std::string small_random = noise(1000, 3);
    std::string small_repeats;  // random, but 64 bytes over and over: deflate finds the repeats
    while (small_repeats.size() < 1024) small_repeats += noise(64, 5);

    io::MemoryOutput out;
    io::ZipWriter zip(out);
    zip.add("random.bin", as_bytes(random), io::ZipMethod::deflate_or_store, 0);
    zip.add("text.txt", as_bytes(text), io::ZipMethod::deflate_or_store, 0);
    zip.add("small.bin", as_bytes(small_random), io::ZipMethod::deflate_or_store, 0);
    zip.add("repeats.bin", as_bytes(small_repeats), io::ZipMethod::deflate_or_store, 0);
    zip.finish();

    const io::ZipReader reader(out.bytes(), "mixed.zip", {});
    const io::ZipEntry& stored = reader.entries()[*reader.find("random.bin")];
    CHECK(stored.compressed_size == stored.size);  // deflate would have made it larger
    const io::ZipEntry& deflated = reader.entries()[*reader.find("text.txt")];
    CHECK(deflated.compressed_size < deflated.size / 4);
    const io::ZipEntry& small = reader.entries()[*reader.find("small.bin")];
    CHECK(small.compressed_size == small.size);  // judged by the spread of its bytes: near 8 bits each
    const io::ZipEntry& repeats = reader.entries()[*reader.find("repeats.bin")];
    CHECK(repeats.compressed_size < repeats.size / 4);
    CHECK(as_text(reader.read(*reader.find("repeats.bin"))) == small_repeats);
    CHECK(as_text(reader.read(*reader.find("random.bin"))) == random);
    CHECK(as_text(reader.read(*reader.find("text.txt"))) == text);
    CHECK(as_text(reader.read(*reader.find("small.bin"))) == small_random);

    const test::TempDir dir;
    CHECK(python_check(out.bytes(), dir, 0) == "bad None\ncount 4\n");
}

TEST_CASE("deflate_huffman_only entries shrink text without repeats and read back", "[unit][zip]") {
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string base64;  // like base64 of encrypted bytes: 6 bits of noise per character
    for (const char c : noise(1 << 20, 5)) base64 += alphabet[static_cast<unsigned char>(c) % 64];
    std::string text;
    for (int i = 0; text.size() < (1u << 20); ++i) text += "line " + std::to_string(i) + "\n";

    io::MemoryOutput out;
    io::ZipWriter zip(out);
    zip.add("a.jwe", as_bytes(base64), io::ZipMethod::deflate_huffman_only, 0);
    zip.add("b.txt", as_bytes(text), io::ZipMethod::deflate, 0);  // another method: another compressor
    zip.add("c.jwe", as_bytes(base64), io::ZipMethod::deflate_huffman_only, 0);
    zip.finish();

    const io::ZipReader reader(out.bytes(), "jwe.zip", {});
    for (const char* name : {"a.jwe", "c.jwe"}) {
        CAPTURE(name);
        const io::ZipEntry& entry = reader.entries()[*reader.find(name)];
        CHECK(entry.compressed_size < entry.size * 4 / 5);
        CHECK(as_text(reader.read(*reader.find(name))) == base64);
    }
    CHECK(as_text(reader.read(*reader.find("b.txt"))) == text);
    const test::TempDir dir;
    CHECK(python_check(out.bytes(), dir, 0) == "bad None\ncount 3\n");
}
