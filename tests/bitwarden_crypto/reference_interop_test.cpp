// SPDX-License-Identifier: MIT
// Cross-checks with an independent implementation of the published scheme (reference/bw_export.py,
// Python with Debian's python3-cryptography and python3-argon2): each side opens what the other writes,
// and the reference opens the reference files too, which shows it is right.
#include <catch2/catch.hpp>

#include "tests/bitwarden_crypto/support.h"

using namespace cxf;
using namespace test::bitwarden_crypto;
using bitwarden::KdfParams;

namespace {

constexpr int reference_ok = 0;
constexpr int reference_wrong_password = 2;
constexpr int reference_bad_data_mac = 3;

std::vector<std::string> kdf_arguments(const KdfParams& kdf) {
    if (kdf.type == KdfParams::Type::pbkdf2_sha256)
        return {"--kdf", "pbkdf2", "--iterations", std::to_string(kdf.iterations)};
    return {"--kdf", "argon2id", "--iterations", std::to_string(kdf.iterations), "--memory",
            std::to_string(kdf.memory_mib), "--parallelism", std::to_string(kdf.parallelism)};
}

}  // namespace

TEST_CASE("the Python reference opens every password-protected fixture as cxf does", "[bitwarden-crypto]") {
    const test::TempDir dir;
    const std::string out = dir.path("plain.json");
    const std::map<std::string, std::string> passwords = fixture_passwords();
    REQUIRE(passwords.size() >= 4);
    for (const auto& [name, password] : passwords) {
        CAPTURE(name);
        const std::string pw = password_file(dir, password);
        REQUIRE(run_reference({"decrypt", test::testdata("bitwarden/" + name), out, "--password-file", pw}) ==
                reference_ok);
        const bool synthetic = name.rfind("synthetic-", 0) == 0;
        CHECK(test::read_text(out) == (synthetic ? fixture(synthetic_plain) : decrypt(fixture(name), password)));
    }
}

TEST_CASE("the Python reference opens what cxf writes", "[bitwarden-crypto]") {
    const KdfParams kdf = GENERATE(cheap_pbkdf2(), cheap_argon2id());
    CAPTURE(static_cast<int>(kdf.type));
    const test::TempDir dir;
    const std::string plain = fixture(synthetic_plain);
    const std::string envelope = encrypt(plain, "p\xc3\xa4ssw\xc3\xb6rd", kdf);
    write_file(dir.path("envelope.json"), envelope);
    const std::string out = dir.path("plain.json");

    REQUIRE(run_reference({"decrypt", dir.path("envelope.json"), out, "--password-file",
                           password_file(dir, "p\xc3\xa4ssw\xc3\xb6rd")}) == reference_ok);
    CHECK(test::read_text(out) == plain);
    CHECK(run_reference({"decrypt", dir.path("envelope.json"), out, "--password-file", password_file(dir, "password")}) ==
          reference_wrong_password);

    // The reference checks the data MAC too, so agreeing on it means something.
    std::string data = member_string(envelope, "data");
    data[data.size() - 3] = data[data.size() - 3] == 'A' ? 'B' : 'A';
    write_file(dir.path("damaged.json"), with_member(envelope, "data", "\"" + data + "\""));
    CHECK(run_reference({"decrypt", dir.path("damaged.json"), out, "--password-file",
                         password_file(dir, "p\xc3\xa4ssw\xc3\xb6rd")}) == reference_bad_data_mac);
}

TEST_CASE("cxf opens what the Python reference writes", "[bitwarden-crypto]") {
    const KdfParams kdf = GENERATE(cheap_pbkdf2(), cheap_argon2id());
    CAPTURE(static_cast<int>(kdf.type));
    const test::TempDir dir;
    const std::string plain = fixture(synthetic_plain);
    write_file(dir.path("plain.json"), plain);
    std::vector<std::string> arguments = {"encrypt", dir.path("plain.json"), dir.path("envelope.json"),
                                          "--password-file", password_file(dir, "hunter2 \xe2\x82\xac")};
    for (std::string& argument : kdf_arguments(kdf)) arguments.push_back(std::move(argument));
    REQUIRE(run_reference(arguments) == reference_ok);

    const std::string envelope = test::read_text(dir.path("envelope.json"));
    CHECK(decrypt(envelope, "hunter2 \xe2\x82\xac") == plain);
    CHECK(thrown_by([&] { decrypt(envelope, "hunter2 "); }).code() == Errc::wrong_password);
}
