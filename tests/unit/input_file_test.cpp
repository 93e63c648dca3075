// SPDX-License-Identifier: MIT
// An input opened for reading: its head, then all of it or its pieces, within the size limit.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <thread>

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "tests/support/testdata.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

std::string random_bytes(std::size_t size) {
    std::mt19937 random(7);
    std::string bytes(size, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    return bytes;
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

std::string streamed(io::InputFile& file) {
    const InputStream stream = file.stream();
    std::string all;
    for (ByteView piece = stream.next(); !piece.empty(); piece = stream.next()) all += as_text(piece);
    CHECK(stream.next().empty());  // the end stays the end
    return all;
}

}  // namespace

TEST_CASE("an input file gives its head, then the same bytes streamed as whole", "[unit][io]") {
    test::TempDir dir;
    const std::string content = random_bytes((5 << 19) + 17);  // two and a half pieces
    write_file(dir.path("in"), content);

    io::InputFile whole(dir.path("in"), {}, 1000);
    CHECK(as_text(whole.head()) == content.substr(0, 1000));
    CHECK(as_text(whole.whole().bytes) == content);

    io::InputFile pieces(dir.path("in"), {}, 1000);
    CHECK(pieces.stream().name == dir.path("in"));
    CHECK(streamed(pieces) == content);

    write_file(dir.path("short"), "{}");
    io::InputFile short_file(dir.path("short"), {}, 1000);
    CHECK(as_text(short_file.head()) == "{}");
    CHECK(streamed(short_file) == "{}");
}

TEST_CASE("an input that grows past the size limit while it streams is refused there", "[unit][io]") {
    // A pipe has no size to check up front: the count as it is read must catch it.
    test::TempDir dir;
    const std::string fifo = dir.path("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // The reader leaves before the writer is done: the writer's stream then fails, without a signal.
    const auto old_handler = ::signal(SIGPIPE, SIG_IGN);
    std::thread writer([&] {
        std::ofstream out(fifo, std::ios::binary);
        out << std::string(3 << 20, ' ');
    });
    Limits limits;
    limits.max_input_bytes = (3 << 19);  // 1.5 MiB
    const Error e = test::thrown_by([&] {
        io::InputFile file(fifo, limits, 1000);
        streamed(file);
    });
    writer.join();
    ::signal(SIGPIPE, old_handler);
    CHECK(e.code() == Errc::limit_exceeded);
    CHECK(e.where().file == fifo);
    CHECK_THAT(e.what(), Catch::Contains("larger than the limit of 1572864 bytes"));
}

TEST_CASE("an input file that is too big or a directory is refused before it is read", "[unit][io]") {
    test::TempDir dir;
    write_file(dir.path("big"), std::string(2000, 'x'));
    Limits limits;
    limits.max_input_bytes = 1000;
    const Error big = test::thrown_by([&] { io::InputFile(dir.path("big"), limits, 100); });
    CHECK(big.code() == Errc::limit_exceeded);
    CHECK_THAT(big.what(), Catch::Contains("file of 2000 bytes is larger than the limit of 1000 bytes"));
    const Error directory = test::thrown_by([&] { io::InputFile(dir.path(""), {}, 100); });
    CHECK(directory.code() == Errc::io);
    CHECK_THAT(directory.what(), Catch::Contains("is a directory"));
}
