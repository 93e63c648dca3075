// SPDX-License-Identifier: MIT
// A small deterministic fuzzer in the regular suite: every fixture under testdata/, damaged in many
// ways (bit flips, truncation, duplicated and inserted bytes), goes through format detection and its
// format's reader — and, when it still reads, through validation and every writer. Only cxf::Error may
// come out: any other exception, a crash or a hang is a bug.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/validate/validate.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

constexpr int mutations_per_file = 150;
constexpr std::uintmax_t largest_fixture = 2 << 20;

std::vector<std::string> fixtures() {
    std::vector<std::string> out;
    // The malformed corpus is damage already, each file with its own test; the fuzz seeds are copies
    // of fixtures found elsewhere, which the fuzzer mutates.
    const std::filesystem::path corpus = test::testdata("malformed"), seeds = test::testdata("fuzz");
    using Walk = std::filesystem::recursive_directory_iterator;
    for (Walk it(test::testdata("")); it != Walk(); ++it) {
        const auto& entry = *it;
        if (entry.path() == corpus || entry.path() == seeds)
            it.disable_recursion_pending();
        else if (entry.is_regular_file() && entry.file_size() <= largest_fixture && entry.path().extension() != ".md" &&
                 entry.path().extension() != ".py" && entry.path().extension() != ".sh")
            out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

crypto::SecureBytes mutate(const crypto::SecureBytes& original, std::mt19937& rng) {
    crypto::SecureBytes b = original;
    if (b.empty()) return b;
    auto at = [&] { return std::uniform_int_distribution<std::size_t>(0, b.size() - 1)(rng); };
    switch (rng() % 6) {
        case 0: b[at()] ^= static_cast<std::uint8_t>(1u << (rng() % 8)); break;
        case 1: b.resize(at()); break;
        case 2: b[at()] = static_cast<std::uint8_t>(rng()); break;
        case 3: {
            const std::size_t from = at(), length = std::min<std::size_t>(rng() % 64, b.size() - from);
            const crypto::SecureBytes chunk(b.begin() + static_cast<std::ptrdiff_t>(from), b.begin() + static_cast<std::ptrdiff_t>(from + length));
            b.insert(b.begin() + static_cast<std::ptrdiff_t>(at()), chunk.begin(), chunk.end());
            break;
        }
        case 4: {
            const char* tokens[] = {"{", "}", "[", "]", "\"", ",", ":", "null", "-1", "1e999", "\\u0000", "\xff"};
            const std::string_view t = tokens[rng() % std::size(tokens)];
            b.insert(b.begin() + static_cast<std::ptrdiff_t>(at()), t.begin(), t.end());
            break;
        }
        default: b.erase(b.begin() + static_cast<std::ptrdiff_t>(at())); break;
    }
    return b;
}

// A password provider that never has one: encrypted inputs stop where they ask for it, so damaged
// headers are exercised without running a KDF for every mutation.
crypto::Secret no_password() { throw Error(Errc::usage, {}, "no password in this test"); }

void exercise(const Input& input) {
    ReadOptions options;
    options.password = no_password;
    Report report;
    const Format& format = detect_format(input);
    if (format.describe) format.describe(input, {});
    const Vault vault = format.read(input, options, report);
    validate(vault, report);
    for (const Format& target : formats()) {
        if (!target.write) continue;
        WriteOptions write;
        write.password = [] { return crypto::Secret("pw"); };
        write.kdbx.save = test::kdbx::cheap_settings();
        io::NullOutput out;
        try {
            target.write(vault, out, write, report);
        } catch (const Error&) {
            // A writer may refuse (e.g. text that is not UTF-8): that is an answer, not a crash.
        }
    }
}

}  // namespace

TEST_CASE("damaged inputs of every format give cxf::Error or a vault, nothing else", "[robustness]") {
    const auto files = fixtures();
    REQUIRE_FALSE(files.empty());
    std::mt19937 rng(20261127);
    std::size_t rejected = 0, read = 0;
    for (const std::string& path : files) {
        const Input original = io::read_input(path, {});
        for (int m = 0; m < mutations_per_file; ++m) {
            const Input damaged{path, mutate(original.bytes, rng)};
            try {
                exercise(damaged);
                ++read;
            } catch (const Error&) {
                ++rejected;
            } catch (const std::exception& e) {
                FAIL_CHECK(path << " mutation " << m << ": " << typeid(e).name() << ": " << e.what());
            }
        }
    }
    CHECK(rejected > 0);
    CHECK(read + rejected == files.size() * mutations_per_file);
}
