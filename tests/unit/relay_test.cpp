// SPDX-License-Identifier: MIT
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "cxf/error.h"
#include "cxf/io/relay.h"

namespace {

std::string pattern(std::size_t n, std::size_t seed) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 7 + seed) % 26);
    return s;
}

}  // namespace

TEST_CASE("produce_ahead hands every byte over, in order, whatever the sizes of the writes", "[relay]") {
    std::string written, read;
    cxf::io::produce_ahead(
        [&](cxf::io::Output& out) {
            for (std::size_t i = 0; i < 2000; ++i) {  // 0 to 1998 bytes: pieces of 64 KiB fill and split
                const std::string piece = pattern(i % 3 == 0 ? i * 97 % 200000 : i % 17, i);
                written += piece;
                out.write(cxf::as_bytes(piece));
            }
        },
        [&](cxf::ByteView piece) {
            CHECK_FALSE(piece.empty());
            read += cxf::as_text(piece);
        });
    CHECK(read.size() == written.size());
    CHECK(read == written);
}

TEST_CASE("the producer's error comes after every byte written before it", "[relay]") {
    std::string read;
    const auto run = [&] {
        cxf::io::produce_ahead(
            [](cxf::io::Output& out) {
                out.write(cxf::as_bytes(pattern(300000, 1)));
                throw std::runtime_error("block 5 is damaged");
            },
            [&](cxf::ByteView piece) { read += cxf::as_text(piece); });
    };
    CHECK_THROWS_WITH(run(), "block 5 is damaged");
    CHECK(read == pattern(300000, 1));
}

TEST_CASE("the consumer's error stops the producer and is the one raised", "[relay]") {
    std::atomic<std::uint64_t> written{0};
    std::uint64_t consumed = 0;
    const auto run = [&] {
        cxf::io::produce_ahead(
            [&](cxf::io::Output& out) {
                const std::string piece = pattern(4096, 2);
                for (;;) {  // endless: only the consumer's stop ends it
                    out.write(cxf::as_bytes(piece));
                    written += piece.size();
                }
            },
            [&](cxf::ByteView piece) {
                consumed += piece.size();
                if (consumed > (1u << 20)) throw std::invalid_argument("the XML is not well-formed");
            });
    };
    CHECK_THROWS_AS(run(), std::invalid_argument);
    CHECK(written.load() < consumed + (2u << 20));  // the producer stopped soon after
}

TEST_CASE("a relay's writer waits while its pieces wait to be read", "[relay]") {
    constexpr std::size_t piece = 1000, ahead = 3;
    cxf::io::Relay relay(piece, ahead);
    std::atomic<std::uint64_t> written{0};
    std::thread writer([&] {
        const std::string data = pattern(100, 3);
        for (int i = 0; i < 1000; ++i) {
            relay.write(cxf::as_bytes(data));
            written += data.size();
        }
        relay.close();
    });
    std::uint64_t read = 0, most_ahead = 0;
    for (cxf::io::Relay::Piece p = relay.next(); !p.bytes.empty(); p = relay.next()) {
        CHECK(p.bytes.size() == piece);
        most_ahead = std::max(most_ahead, written.load() - read);
        read += p.bytes.size();
        std::this_thread::yield();
    }
    writer.join();
    CHECK(read == 100000);
    // The pieces queued, the one being read and the one being filled.
    CHECK(most_ahead <= (ahead + 2) * piece);
}

namespace {

// The bytes written, with the call that wrote them; consecutive calls of one kind joined.
struct HintRecorder final : cxf::io::Output {
    std::vector<std::pair<char, std::string>> runs;
    void write(cxf::ByteView b) override { add('n', cxf::as_text(b)); }
    void write_incompressible(cxf::ByteView b) override { add('i', cxf::as_text(b)); }
    void write_without_repeats(cxf::ByteView b) override { add('w', cxf::as_text(b)); }
    void add(char call, std::string_view bytes) {
        if (runs.empty() || runs.back().first != call) runs.emplace_back(call, "");
        runs.back().second += bytes;
    }
};

}  // namespace

TEST_CASE("write_behind passes every byte on with the call that wrote it", "[relay]") {
    HintRecorder out, expected;
    cxf::io::write_behind(
        [&](cxf::io::Output& to) {
            for (std::size_t i = 0; i < 300; ++i) {
                const std::string piece = pattern(i * 331 % 90000 + 1, i);
                switch (i % 7 % 3) {  // runs of one kind, of several calls, cross piece boundaries
                    case 0: to.write(cxf::as_bytes(piece)); break;
                    case 1: to.write_incompressible(cxf::as_bytes(piece)); break;
                    default: to.write_without_repeats(cxf::as_bytes(piece));
                }
                expected.add("niw"[i % 7 % 3], piece);
            }
        },
        out);
    REQUIRE(expected.runs.size() > 100);
    CHECK(out.runs == expected.runs);
}

TEST_CASE("write_behind: the output's error stops the producer and is the one raised", "[relay]") {
    struct Full final : cxf::io::Output {
        std::uint64_t taken = 0;
        void write(cxf::ByteView b) override {
            taken += b.size();
            if (taken > (1u << 20)) throw cxf::Error(cxf::Errc::io, {"out.kdbx", ""}, "no space left on device");
        }
    } out;
    std::uint64_t produced = 0;
    const auto run = [&] {
        cxf::io::write_behind(
            [&](cxf::io::Output& to) {
                const std::string piece = pattern(1000, 4);
                for (;;) {
                    to.write(cxf::as_bytes(piece));
                    produced += piece.size();
                }
            },
            out);
    };
    CHECK_THROWS_WITH(run(), Catch::Contains("no space left"));
    CHECK(produced < out.taken + (2u << 20));
}

TEST_CASE("write_behind: the producer's error is raised once the output has stopped", "[relay]") {
    HintRecorder out;
    const auto run = [&] {
        cxf::io::write_behind(
            [](cxf::io::Output& to) {
                to.write(cxf::as_bytes(pattern(200000, 5)));
                throw std::runtime_error("entry 7 cannot be written");
            },
            out);
    };
    CHECK_THROWS_WITH(run(), "entry 7 cannot be written");
}

namespace {

// A source of `pieces` pieces of varied sizes, each in the same buffer, which the next overwrites.
struct Pieces {
    std::size_t pieces;
    std::string expected, buffer;
    std::size_t given = 0;
    explicit Pieces(std::size_t n) : pieces(n) {}
    cxf::ByteView next() {
        if (given == pieces) return {};
        buffer = pattern(given % 5 == 0 ? 100000 + given : 1 + given % 300, given);
        ++given;
        expected += buffer;
        return cxf::as_bytes(buffer);
    }
};

}  // namespace

TEST_CASE("ReadAhead gives every byte its source gives, in order", "[relay]") {
    Pieces source(500);
    std::string read;
    {
        cxf::io::ReadAhead ahead([&] { return source.next(); });
        for (cxf::ByteView piece = ahead.next(); !piece.empty(); piece = ahead.next()) read += cxf::as_text(piece);
        CHECK(ahead.next().empty());  // and stays at its end
    }
    CHECK(read.size() == source.expected.size());
    CHECK(read == source.expected);
}

TEST_CASE("ReadAhead raises its source's error after every byte before it", "[relay]") {
    std::size_t calls = 0;
    const std::string before = pattern(300000, 3);
    cxf::io::ReadAhead ahead([&]() -> cxf::ByteView {
        if (calls++ == 0) return cxf::as_bytes(before);
        throw cxf::Error(cxf::Errc::integrity, {"a.zip", "index.json"}, "CRC-32 mismatch");
    });
    std::string read;
    const auto drain = [&] {
        for (cxf::ByteView piece = ahead.next(); !piece.empty(); piece = ahead.next()) read += cxf::as_text(piece);
    };
    CHECK_THROWS_WITH(drain(), "CRC-32 mismatch");
    CHECK(read == before);
}

TEST_CASE("a ReadAhead left before its end stops pulling its source", "[relay]") {
    std::atomic<std::size_t> pulled{0};
    const std::string piece = pattern(4096, 4);
    {
        cxf::io::ReadAhead ahead([&] {  // endless
            ++pulled;
            return cxf::as_bytes(piece);
        });
        CHECK(ahead.next().size() > 0);
    }  // would wait forever if the puller were not stopped
    const std::size_t at_stop = pulled;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(pulled == at_stop);
    CHECK(at_stop * piece.size() <= 20 * 64 * 1024);  // a few pieces ahead, never the whole source
}
