// SPDX-License-Identifier: MIT
// Bitwarden password-protected exports that must not open: wrong password, damage, bad shapes,
// KDF costs over the caps, account-restricted exports.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/bitwarden_crypto/support.h"

using namespace cxf;
using namespace test::bitwarden_crypto;

namespace {

constexpr std::string_view password = "bitwarden-export-test";
constexpr std::string_view plain = R"({"encrypted": false, "folders": [], "items": []})";

const std::string& pbkdf2_envelope() {
    static const std::string envelope = encrypt(plain, password, cheap_pbkdf2());
    return envelope;
}
const std::string& argon2_envelope() {
    static const std::string envelope = encrypt(plain, password, cheap_argon2id());
    return envelope;
}

// The EncString in member `key` with one base64 character of its part `part` (0 iv, 1 ciphertext, 2 mac) changed.
std::string tampered(const std::string& envelope, std::string_view key, int part) {
    std::string value = member_string(envelope, key);
    std::size_t at = 2;
    for (int i = 0; i < part; ++i) at = value.find('|', at) + 1;
    value[at] = value[at] == 'A' ? 'B' : 'A';
    return with_member(envelope, key, "\"" + value + "\"");
}

std::string json_string(std::string_view text) { return "\"" + std::string(text) + "\""; }

Error decrypt_error(const std::string& envelope, std::string_view with_password = password, const Limits& limits = {}) {
    return thrown_by([&] { decrypt(envelope, with_password, limits); });
}

}  // namespace

TEST_CASE("a wrong password is reported as such, before the data is looked at", "[bitwarden-crypto]") {
    const Error wrong = decrypt_error(pbkdf2_envelope(), "not the password");
    CHECK(errc_name(wrong.code()) == "wrong_password");
    CHECK(wrong.where().place == "/encKeyValidation_DO_NOT_EDIT");
    CHECK(wrong.where().file == "export.json");
    CHECK_THAT(wrong.what(), !Catch::Contains("not the password"));

    // Damaged data under a wrong password is still a wrong password: the validation MAC is checked first.
    CHECK(decrypt_error(tampered(pbkdf2_envelope(), "data", 2), "not the password").code() == Errc::wrong_password);
    CHECK(decrypt_error(argon2_envelope(), "not the password").code() == Errc::wrong_password);
    CHECK(decrypt_error(pbkdf2_envelope(), "").code() == Errc::wrong_password);
    CHECK(decrypt_error(argon2_envelope(), "").code() == Errc::wrong_password);
    CHECK(decrypt_error(fixture("keepassxc-bitwarden_encrypted_export.json"), "b").code() == Errc::wrong_password);
    // A damaged validation field cannot be told from a wrong password.
    CHECK(decrypt_error(tampered(pbkdf2_envelope(), "encKeyValidation_DO_NOT_EDIT", 2)).code() == Errc::wrong_password);
}

TEST_CASE("damaged data is an integrity failure, found by its MAC", "[bitwarden-crypto]") {
    for (int part : {0, 1, 2}) {
        CAPTURE(part);
        const Error damaged = decrypt_error(tampered(pbkdf2_envelope(), "data", part));
        CHECK(errc_name(damaged.code()) == "integrity");
        CHECK(damaged.where().place == "/data");
    }
    // The untouched envelope still opens: the failures above are the edits'.
    CHECK(decrypt(pbkdf2_envelope(), password) == plain);
}

TEST_CASE("a malformed EncString is named with its JSON pointer", "[bitwarden-crypto]") {
    const std::string data = member_string(pbkdf2_envelope(), "data");
    const std::string validation = member_string(pbkdf2_envelope(), "encKeyValidation_DO_NOT_EDIT");
    struct Case {
        std::string key, value;
        Errc code;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"data", data.substr(0, data.rfind('|')), Errc::malformed, "three parts"},          // truncated: no mac
        {"data", data.substr(0, data.size() - 8), Errc::malformed, "mac has"},               // truncated mac
        {"data", data.substr(0, 20), Errc::malformed, "three parts"},                        // truncated in the iv
        {"data", "2.", Errc::malformed, "three parts"},
        {"data", "2.AAAA|AAAA|AAAA", Errc::malformed, "iv has 3 bytes"},
        {"data", "2.!!!!" + data.substr(data.find('|')), Errc::malformed, "iv of the EncString is not valid base64"},
        {"data", data.substr(0, data.find('|') + 1) + "%%%%" + data.substr(data.rfind('|')), Errc::malformed,
         "ciphertext of the EncString is not valid base64"},
        {"encKeyValidation_DO_NOT_EDIT", validation + "*", Errc::malformed, "mac of the EncString is not valid base64"},
        {"encKeyValidation_DO_NOT_EDIT", validation.substr(2), Errc::malformed, "not an EncString"},
        {"data", "0." + data.substr(2), Errc::unsupported, "EncString type 0"},
        {"data", "7." + data.substr(2), Errc::unsupported, "only type 2"},
        {"data", data + "|" + data.substr(2), Errc::malformed, "this one has 6"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.key, c.value);
        const Error e = decrypt_error(with_member(pbkdf2_envelope(), c.key, json_string(c.value)));
        CHECK(errc_name(e.code()) == errc_name(c.code));
        CHECK(e.where().place == "/" + c.key);
        CHECK_THAT(e.what(), Catch::Contains(c.message));
    }
}

TEST_CASE("a malformed envelope is named with its JSON pointer", "[bitwarden-crypto]") {
    struct Case {
        std::string key, value, place;
        Errc code;
    };
    const std::vector<Case> pbkdf2_cases = {
        {"salt", "\"\"", "/salt", Errc::malformed},
        {"salt", "16", "/salt", Errc::malformed},
        {"kdfType", "2", "/kdfType", Errc::unsupported},
        {"kdfType", "\"0\"", "/kdfType", Errc::malformed},
        {"kdfIterations", "0", "/kdfIterations", Errc::malformed},
        {"kdfIterations", "-5000", "/kdfIterations", Errc::malformed},
        {"kdfIterations", "5000.5", "/kdfIterations", Errc::malformed},
        {"kdfIterations", "null", "/kdfIterations", Errc::malformed},
        {"data", "null", "/data", Errc::malformed},
    };
    for (const Case& c : pbkdf2_cases) {
        CAPTURE(c.key, c.value);
        const Error e = decrypt_error(with_member(pbkdf2_envelope(), c.key, c.value));
        CHECK(errc_name(e.code()) == errc_name(c.code));
        CHECK(e.where().place == c.place);
    }
    const std::vector<Case> argon2_cases = {
        {"kdfMemory", "null", "/kdfMemory", Errc::malformed},
        {"kdfParallelism", "0", "/kdfParallelism", Errc::malformed},
        {"kdfParallelism", "2049", "/kdfParallelism", Errc::malformed},  // 16 MiB holds 2048 lanes of 8 KiB
    };
    for (const Case& c : argon2_cases) {
        CAPTURE(c.key, c.value);
        const Error e = decrypt_error(with_member(argon2_envelope(), c.key, c.value));
        CHECK(errc_name(e.code()) == errc_name(c.code));
        CHECK(e.where().place == c.place);
    }
    std::string no_salt = pbkdf2_envelope();
    no_salt.replace(no_salt.find("\"salt\""), 6, "\"sault\"");
    CHECK(decrypt_error(no_salt).where().place == "/salt");
    CHECK(decrypt_error(R"({"encrypted": true, "passwordProtected": true,)").code() == Errc::malformed);
    // PBKDF2 exports of older clients carry null Argon2 members; they are not looked at.
    CHECK(decrypt(with_member(pbkdf2_envelope(), "kdfType", "0, \"kdfMemory\": null, \"kdfParallelism\": null"),
                  password) == plain);
}

TEST_CASE("KDF costs over the caps are refused before the KDF runs", "[bitwarden-crypto]") {
    struct Case {
        const std::string& envelope;
        std::string key, value, mentions;
    };
    const std::vector<Case> cases = {
        {pbkdf2_envelope(), "kdfIterations", "1000000000000", "10000000"},
        {argon2_envelope(), "kdfMemory", "1048576", "4096 MiB"},  // 1 TiB
        {argon2_envelope(), "kdfIterations", "1000000", "100"},
        {argon2_envelope(), "kdfMemory", "18446744073709551615", "4096 MiB"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.key, c.value);
        const auto start = std::chrono::steady_clock::now();
        const Error e = decrypt_error(with_member(c.envelope, c.key, c.value));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
        CHECK(errc_name(e.code()) == "limit_exceeded");
        CHECK(e.where().place == "/" + c.key);
        CHECK_THAT(e.what(), Catch::Contains(c.value) && Catch::Contains(c.mentions));
    }

    // The caps are the caller's: exactly at the cap opens, one below it does not.
    Limits limits;
    limits.max_pbkdf2_iterations = 5000;
    CHECK(decrypt(pbkdf2_envelope(), password, limits) == plain);
    limits.max_pbkdf2_iterations = 4999;
    CHECK(decrypt_error(pbkdf2_envelope(), password, limits).code() == Errc::limit_exceeded);
    limits = {};
    limits.max_kdf_memory_bytes = 15ull << 20;
    CHECK(decrypt_error(argon2_envelope(), password, limits).where().place == "/kdfMemory");
    limits = {};
    limits.max_kdf_iterations = 1;
    CHECK(decrypt_error(argon2_envelope(), password, limits).where().place == "/kdfIterations");
}

TEST_CASE("an account-restricted export is refused with what to do instead", "[bitwarden-crypto]") {
    const std::string account_restricted = R"({
  "encrypted": true,
  "encKeyValidation_DO_NOT_EDIT": "2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  "folders": [],
  "items": []
})";
    const Error e = decrypt_error(account_restricted);
    CHECK(errc_name(e.code()) == "unsupported");
    CHECK_THAT(e.what(), Catch::Contains("can only be opened by the Bitwarden account that made it") &&
                             Catch::Contains("password protected") && Catch::Contains("plain JSON"));

    CHECK(decrypt_error(fixture("keepassxc-bitwarden_export.json")).code() == Errc::usage);
}
