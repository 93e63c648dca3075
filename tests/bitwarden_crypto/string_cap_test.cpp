// SPDX-License-Identifier: MIT
// The string cap and protected exports: "data" holds the whole encrypted export in one string, so it
// may be longer than Limits::max_string_bytes; every string of a plain export still may not.
#include <catch2/catch.hpp>

#include "cxf/formats/registry.h"
#include "cxf/plugin/format.h"
#include "tests/bitwarden_crypto/support.h"

using namespace cxf;
using namespace test::bitwarden_crypto;

namespace {

Input input_of(std::string_view text) { return {"export.json", crypto::secure_copy(as_bytes(text))}; }

ReadOptions with_string_cap(std::uint64_t cap) {
    ReadOptions options;
    options.limits.max_string_bytes = cap;
    options.password = [] { return crypto::Secret("pw"); };
    return options;
}

}  // namespace

TEST_CASE("a protected export whose data is longer than the string cap opens", "[bitwarden-crypto]") {
    const std::string plain = fixture(synthetic_plain);  // no string in it is longer than 400 bytes
    const std::string envelope = encrypt(plain, "pw", cheap_pbkdf2());
    REQUIRE(member_string(envelope, "data").size() > 4096);
    Report report;
    const Vault vault = find_format("bitwarden")->read(input_of(envelope), with_string_cap(4096), report);
    CHECK(vault.accounts.at(0).items.size() == 5);
}

TEST_CASE("a plain export's strings keep the string cap, in items and around them", "[bitwarden-crypto]") {
    const std::string long_text(5000, 'x');
    const auto error_of = [](const std::string& text) {
        return thrown_by([&] {
            Report report;
            find_format("bitwarden")->read(input_of(text), with_string_cap(4096), report);
        });
    };
    const Error in_item = error_of(R"({"items": [{"type": 2, "name": "n", "notes": ")" + long_text + R"("}]})");
    CHECK(in_item.code() == Errc::limit_exceeded);
    CHECK(in_item.where().place == "/items/0/notes");
    const Error in_folder = error_of(R"({"folders": [{"id": "f", "name": ")" + long_text + R"("}], "items": []})");
    CHECK(in_folder.code() == Errc::limit_exceeded);
    CHECK(in_folder.where().place == "/folders/0/name");
}

TEST_CASE("describe reads a protected export whose data is longer than the default string cap", "[bitwarden-crypto]") {
    // describe looks at the KDF only: a "data" that is not a real EncString does not matter here.
    const std::string big_data = "\"" + std::string(Limits{}.max_string_bytes + 1, 'A') + "\"";
    const std::string envelope = with_member(encrypt("{}", "pw", cheap_pbkdf2()), "data", big_data);
    const std::vector<Property> properties = find_format("bitwarden")->describe(input_of(envelope), {});
    REQUIRE(properties.size() == 2);
    CHECK(properties[1].value == "PBKDF2-SHA256, 5000 iterations");
}

TEST_CASE("describe keeps to the limits it is given", "[bitwarden-crypto]") {
    const std::string envelope = encrypt("{}", "pw", cheap_pbkdf2());
    Limits tiny;
    tiny.max_input_bytes = 64;
    tiny.max_string_bytes = 64;
    try {
        find_format("bitwarden")->describe(input_of(envelope), tiny);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::limit_exceeded);
    }
    CHECK(find_format("bitwarden")->describe(input_of(envelope), {}).size() == 2);
}
