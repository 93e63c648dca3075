// SPDX-License-Identifier: MIT
// Bitwarden → KDBX → Bitwarden: a KeePass database as the stop in between (a common backup path)
// keeps every passkey (private key, credential id bytes, user handle, rpId), TOTP, custom field, URI
// and history entry — and everything else the Bitwarden export had.
#include <catch2/catch.hpp>

#include "cxf/encoding/base64.h"
#include "tests/bitwarden/support.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/testdata.h"

using namespace cxf;
using bwtest::at;

namespace {

// Writes KDBX with a cheap KDF and reads it back: what a user keeping a .kdbx backup would get.
Vault through_kdbx(const Vault& vault) {
    Report write_report;
    WriteOptions cheap;
    cheap.kdbx.save = test::kdbx::cheap_settings();
    const std::string kdbx = bwtest::write("kdbx", vault, write_report, cheap, "pw");
    CHECK_FALSE(write_report.has_losses());
    Report read_report;
    Vault back = bwtest::read_text("kdbx", kdbx, read_report, "pw");
    // What cxf wrote reads back as it was: nothing to repair or reinterpret.
    for (const Notice& n : read_report.notices()) CHECK(n.kind != NoticeKind::changed);
    return back;
}

std::string text(const json::Cursor& c) { return c.is_string() ? std::string(c.string()) : std::string(json::to_json(c).view()); }

}  // namespace

TEST_CASE("Bitwarden → KDBX → Bitwarden keeps every member of every JSON fixture", "[bitwarden][kdbx-mapping][roundtrip]") {
    const auto [fixture, password] = GENERATE(table<std::string_view, std::string_view>({
        {"bitwarden/synthetic-bitwarden-plain-with-passkeys.json", ""},
        {"bitwarden/keepassxc-bitwarden_export.json", ""},
        {"bitwarden/pass-import-bitwarden.json", ""},
        {"bitwarden/pass-import-bitwarden-org.json", ""},
        {"bitwarden/pass-import-bitwarden-other.json", ""},
        {"bitwarden/bitwarden-to-keepass-test_passkey.json", ""},
    }));
    CAPTURE(fixture);
    Report report;
    const Vault original = bwtest::read(fixture, report, password);
    const std::string source(as_text(test::read_testdata(fixture).bytes));
    Report back_report;
    const std::string back = bwtest::write("bitwarden", through_kdbx(original), back_report);
    // Only what KeePass added (its own bookkeeping of the database, groups and entries) is left behind.
    for (const Notice& n : back_report.notices())
        if (n.kind == NoticeKind::lost) CHECK(n.field == "extension:cxf.local/kdbx");
    CHECK(test::to_string(bwtest::meaningful_diff(source, back)) == "");
}

TEST_CASE("passkeys survive Bitwarden → KDBX → Bitwarden byte for byte, and are KeePassXC passkeys on the way",
          "[bitwarden][kdbx-mapping][roundtrip]") {
    constexpr std::string_view synthetic = "bitwarden/synthetic-bitwarden-plain-with-passkeys.json";
    Report report;
    const Vault original = bwtest::read(synthetic, report);
    const Vault via = through_kdbx(original);
    // In the KDBX the login keeps both passkeys as passkeys (KeePassXC's attributes for the first).
    const Item& login = via.accounts.at(0).items.at(0);
    REQUIRE(bwtest::all<Passkey>(login).size() == 2);
    Report write_report;
    const std::string out = bwtest::write("bitwarden", via, write_report);
    const bwtest::Json in(as_text(test::read_testdata(synthetic).bytes)), again(out);
    for (int k = 0; k < 2; ++k) {
        const std::string base = "items/0/login/fido2Credentials/" + std::to_string(k) + "/";
        CAPTURE(base);
        for (const std::string_view member : {"credentialId", "keyValue", "userHandle", "rpId", "userName", "counter", "rpName",
                                              "userDisplayName", "discoverable", "creationDate"})
            CHECK(text(at(in.root(), base + std::string(member))) == text(at(again.root(), base + std::string(member))));
        const auto key_in = encoding::base64url_decode(text(at(in.root(), base + "keyValue")));
        const auto key_out = encoding::base64url_decode(text(at(again.root(), base + "keyValue")));
        REQUIRE(key_in);
        CHECK(*key_in == *key_out);
    }
    CHECK(text(at(again.root(), "items/0/login/totp")) == text(at(in.root(), "items/0/login/totp")));
    CHECK(text(at(again.root(), "items/0/passwordHistory")) == text(at(in.root(), "items/0/passwordHistory")));
    CHECK(text(at(again.root(), "items/0/fields")) == text(at(in.root(), "items/0/fields")));
    CHECK(text(at(again.root(), "items/0/login/uris")) == text(at(in.root(), "items/0/login/uris")));
}
