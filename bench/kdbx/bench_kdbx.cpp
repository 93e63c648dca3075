// SPDX-License-Identifier: MIT
// KDBX phases in-process: open (key derivation, decryption, XML), database → vault, vault →
// database, save (the same KDF again), each timed; for bench/kdbx/run.sh.
// usage: bench_kdbx FILE PASSWORD
#include <chrono>
#include <cstdio>
#include <string>

#include "cxf/io/file.h"
#include "cxf/kdbx/kdbx.h"
#include "exporters/kdbx/write.h"
#include "importers/kdbx/read.h"

namespace {

template <typename F>
auto timed(const char* phase, F&& f) {
    const auto start = std::chrono::steady_clock::now();
    auto result = f();
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    std::printf("%-28s %9.1f ms\n", phase, took.count());
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_kdbx FILE PASSWORD\n");
        return 2;
    }
    using namespace cxf;
    const Input input = io::read_input(argv[1], {});
    const crypto::Secret password(argv[2]);
    const kdbx::CompositeKey key = kdbx::make_composite_key(&password, std::nullopt);
    const kdbx::HeaderInfo info = kdbx::read_header_info(input.bytes, input.name);
    const kdbx::Database db = timed("open (KDF, decrypt, XML)", [&] { return kdbx::open(input.bytes, key, {}, input.name); });
    Report report;
    const Vault vault = timed("database -> vault", [&] { return kdbx_map::read_database(db, report); });
    const kdbx::Database again = timed("vault -> database", [&] { return kdbx_map::to_database(vault, report, 1); });
    kdbx::SaveSettings settings;
    settings.kdf = info.kdf;
    settings.cipher = info.cipher;
    const crypto::SecureBytes bytes = timed("save (KDF, XML, encrypt)", [&] { return kdbx::save(again, key, settings); });
    std::printf("items %zu, output %zu bytes, same database: %s\n", vault.accounts.front().items.size(), bytes.size(),
                again == db ? "yes" : "no");
    return 0;
}
