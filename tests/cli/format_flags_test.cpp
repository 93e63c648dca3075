// SPDX-License-Identifier: MIT
// Each format's flags become its typed write or read options in the CLI: a value the format does not
// take, or a flag that only makes sense with another, is a usage error (exit 2) before anything is
// read, asked for or written; library messages that name an option show it as its flag.
#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"

using test::list_dir;
using test::run_cxf;

namespace {
const std::string spec = test::testdata("cxf/spec-appendix-a-32-byte-hash.json");
}

TEST_CASE("format flags with values the format does not take are usage errors", "[cli][options]") {
    test::TempDir dir;
    const std::pair<std::string, std::string> cases[] = {
        {"out.bitwarden.json --bitwarden-kdf scrypt", "--bitwarden-kdf scrypt: expected pbkdf2 or argon2id"},
        {"out.bitwarden.json --bitwarden-kdf-iterations 5000", "apply only to an encrypted export"},
        {"out.bitwarden.json --bitwarden-encrypt --bitwarden-kdf-memory 64", "apply only with --bitwarden-kdf argon2id"},
        {"out.bitwarden.json --bitwarden-layout flat", "--bitwarden-layout flat: expected individual or organization"},
        {"out.bitwarden.csv --bitwarden-csv-layout flat", "expected individual or organization"},
        {"out.kdbx --kdbx-kdf scrypt", "--kdbx-kdf scrypt: expected argon2id, argon2d or aes-kdf"},
        {"out.kdbx --kdbx-memory-mib 0", "--kdbx-memory-mib 0: expected a positive whole number"},
        {"out.kdbx --kdbx-version 3.1 --kdbx-kdf argon2id", "aes-kdf with --kdbx-version 3.1"},
        {"out.kdbx --kdbx-kdf aes-kdf --kdbx-parallelism 2", "AES-KDF has no such parameter"},
        {"out.cxf --kdbx-cipher chacha20", "--kdbx-cipher is an option of the kdbx format, not of cxf"},
    };
    for (const auto& [args, message] : cases) {
        CAPTURE(args);
        const auto r = run_cxf(dir, "convert '" + spec + "' " + args);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains(message));
        CHECK(list_dir(dir.root().string()).empty());
    }
}

TEST_CASE("an option a library message names is shown as its flag", "[cli][options]") {
    test::TempDir dir;
    const auto r = run_cxf(dir, "convert '" + spec + "' out.cxp");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("give --recipient FILE, its ExportRequest"));
    CHECK_THAT(r.err, !Catch::Contains("`"));
}
