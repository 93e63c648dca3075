// SPDX-License-Identifier: MIT
// Several outputs committed as one: a failure to put any of them in place leaves none behind.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "cxf/io/output.h"
#include "cxf/io/same_file.h"
#include "tests/support/testdata.h"
#include "tests/support/thrown.h"

using namespace cxf;

namespace {

std::size_t files_in(const test::TempDir& dir) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir.root()), {}));
}

}  // namespace

TEST_CASE("files committed together all appear", "[unit][io]") {
    test::TempDir dir;
    io::AtomicFile a(dir.path("a"), false), b(dir.path("b"), false);
    a.write(as_bytes("first"));
    b.write(as_bytes("second"));
    io::AtomicFile* both[] = {&a, &b};
    io::commit_together(both);
    CHECK(test::read_text(dir.path("a")) == "first");
    CHECK(test::read_text(dir.path("b")) == "second");
    CHECK(files_in(dir) == 2);
}

TEST_CASE("when one file cannot be put in place, the ones already placed are removed", "[unit][io]") {
    test::TempDir dir;
    {
        io::AtomicFile a(dir.path("a"), false), b(dir.path("b"), false);
        a.write(as_bytes("first"));
        b.write(as_bytes("second"));
        std::ofstream(dir.path("b")) << "appeared meanwhile";
        io::AtomicFile* both[] = {&a, &b};
        try {
            io::commit_together(both);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::io);
            CHECK_THAT(e.what(), Catch::Contains("already exists"));
        }
        CHECK_FALSE(std::filesystem::exists(dir.path("a")));
    }
    CHECK(test::read_text(dir.path("b")) == "appeared meanwhile");
    CHECK(files_in(dir) == 1);  // b's temp file went with it
}

TEST_CASE("a terminating signal removes the temp files of any number of uncommitted outputs", "[unit][io]") {
    for (const int signal_number : {SIGTERM, SIGQUIT, SIGUSR1, SIGALRM}) {
        test::TempDir dir;
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            io::install_interrupt_cleanup();
            std::vector<std::unique_ptr<io::AtomicFile>> files;
            for (int i = 0; i < 12; ++i) {
                files.push_back(std::make_unique<io::AtomicFile>(dir.path("part-" + std::to_string(i)), false));
                files.back()->write(as_bytes("plaintext"));
                if (i % 2 == 0) files.back()->finish();  // on disk under a temp name, waiting for the commit
            }
            ::raise(signal_number);
            ::_exit(0);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        CHECK(WIFSIGNALED(status));
        CHECK(files_in(dir) == 0);
    }
}

TEST_CASE("a signal while several threads write outputs removes every temp file", "[unit][io]") {
    test::TempDir dir;
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        io::install_interrupt_cleanup();
        std::atomic<int> finished = 0;
        const auto writer = [&](int thread) {
            std::vector<std::unique_ptr<io::AtomicFile>> files;
            for (int i = 0;; ++i) {
                auto& file = files.emplace_back(
                    std::make_unique<io::AtomicFile>(dir.path(std::to_string(thread) + "-" + std::to_string(i)), false));
                file->write(as_bytes("plaintext"));
                file->finish();  // named, waiting for a commit that never comes
                if (i % 8 == 7) files.clear();  // names released while the others take theirs
                ++finished;
            }
        };
        for (int t = 0; t < 4; ++t) std::thread(writer, t).detach();
        while (finished < 400) std::this_thread::yield();
        ::kill(::getpid(), SIGTERM);  // handled on whichever thread the kernel picks
        for (;;) ::pause();
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(files_in(dir) == 0);
}

TEST_CASE("a FIFO as output is written to, not replaced", "[unit][io]") {
    test::TempDir dir;
    const std::string fifo = dir.path("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    {
        io::AtomicFile out(fifo, true);
        out.write(as_bytes("through the pipe"));
        out.commit();
    }
    char got[64] = {};
    const ssize_t n = ::read(reader, got, sizeof got);
    ::close(reader);
    CHECK(std::string(got, n > 0 ? static_cast<std::size_t>(n) : 0) == "through the pipe");
    struct stat st {};
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(files_in(dir) == 1);
}

TEST_CASE("a directory as output is an I/O error", "[unit][io]") {
    test::TempDir dir;
    std::filesystem::create_directory(dir.path("d"));
    CHECK(test::thrown_by([&] { io::AtomicFile out(dir.path("d"), true); }).code() == Errc::io);
    CHECK(files_in(dir) == 1);
}

TEST_CASE("same_file compares files, not names", "[unit][io]") {
    test::TempDir dir;
    std::ofstream(dir.path("k.pem")) << "key";
    CHECK(io::same_file(dir.path("k.pem"), dir.root().string() + "/./k.pem"));
    CHECK_FALSE(io::same_file(dir.path("k.pem"), dir.path("r.json")));
    CHECK(io::same_file(dir.path("new"), dir.root().string() + "/../" + dir.root().filename().string() + "/new"));
    CHECK_FALSE(io::same_file(dir.path("new"), dir.path("other")));
    std::filesystem::create_hard_link(dir.path("k.pem"), dir.path("link.pem"));
    CHECK(io::same_file(dir.path("k.pem"), dir.path("link.pem")));
}

TEST_CASE("when a replacing commit fails, the files already replaced get their old contents back", "[unit][io]") {
    test::TempDir dir;
    std::ofstream(dir.path("a")) << "old a";
    {
        io::AtomicFile a(dir.path("a"), true), b(dir.path("b"), false);
        a.write(as_bytes("new a"));
        b.write(as_bytes("new b"));
        std::ofstream(dir.path("b")) << "appeared meanwhile";
        io::AtomicFile* both[] = {&a, &b};
        CHECK(test::thrown_by([&] { io::commit_together(both); }).code() == Errc::io);
        CHECK(test::read_text(dir.path("a")) == "old a");
    }
    CHECK(test::read_text(dir.path("b")) == "appeared meanwhile");
    CHECK(files_in(dir) == 2);
}

TEST_CASE("dev null as output stays a device", "[unit][io]") {
    io::AtomicFile out("/dev/null", true);
    out.write(as_bytes("discarded"));
    out.commit();
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}
