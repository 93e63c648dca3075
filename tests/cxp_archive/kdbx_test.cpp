// SPDX-License-Identifier: MIT
// KeePass databases with attachments and passkeys → .cxp → KDBX, through the registry's "kdbx" format:
// every attachment byte and every passkey arrives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "cxf/encoding/base64.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "tests/cxp_archive/support.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/json_diff.h"

using namespace cxf;
using namespace test::cxp_archive;

namespace {

struct KdbxFixture {
    std::string file, password;
    std::optional<std::string> key_file;
};

const Format& kdbx_format() {
    const Format* f = find_format("kdbx");
    REQUIRE(f);
    return *f;
}

// Attachments as (item title, file name, hex of the bytes), history included.
using Attachment = std::tuple<std::string, std::string, std::string>;
// Passkeys as (rp id, user name, credential id, user handle, key), all hex or text.
using PasskeyFacts = std::tuple<std::string, std::string, std::string, std::string, std::string>;

struct Contents {
    std::vector<Attachment> attachments;
    std::vector<PasskeyFacts> passkeys;
};

void collect(const Item& item, Contents& out) {
    for (const Credential& c : item.credentials) {
        if (const auto* f = std::get_if<File>(&c)) {
            REQUIRE(f->data);
            out.attachments.emplace_back(item.title, f->name, encoding::hex_encode(*f->data));
        } else if (const auto* p = std::get_if<Passkey>(&c)) {
            out.passkeys.emplace_back(p->rp_id, p->username, encoding::hex_encode(p->credential_id),
                                      encoding::hex_encode(p->user_handle), encoding::hex_encode(p->key));
        }
    }
    for (const Item& earlier : item.history) collect(earlier, out);
}

Contents contents(const Vault& v) {
    Contents out;
    for (const Account& a : v.accounts)
        for (const Item& item : a.items) collect(item, out);
    std::sort(out.attachments.begin(), out.attachments.end());
    std::sort(out.passkeys.begin(), out.passkeys.end());
    return out;
}

Vault read_kdbx(const crypto::SecureBytes& bytes, const std::string& name, const std::string& password,
                const std::optional<std::string>& key_file) {
    ReadOptions options;
    options.password = [password] { return crypto::Secret(password); };
    if (key_file) options.key_file = io::read_input(*key_file, {});
    Report report;
    return kdbx_format().read(Input{name, bytes}, options, report);
}

}  // namespace

TEST_CASE("KDBX with attachments and passkeys → .cxp → KDBX keeps every attachment byte and passkey", "[cxp-archive][kdbx]") {
    const KdbxFixture fixture = GENERATE(KdbxFixture{"generated/passkeys-pykeepass.kdbx", "passkey-test", std::nullopt},
                                         KdbxFixture{"kdbxweb/Argon2.kdbx", "demo", "kdbxweb/demo.key"},
                                         KdbxFixture{"pykeepass/test4.kdbx", "password", "pykeepass/test4.key"});
    CAPTURE(fixture.file);
    const test::TempDir dir;
    const Importer importer = make_importer(dir);
    const std::optional<std::string> key_file =
        fixture.key_file ? std::optional(test::testdata("kdbx/" + *fixture.key_file)) : std::nullopt;
    Vault from_kdbx =
        read_kdbx(test::read_testdata("kdbx/" + fixture.file).bytes, fixture.file, fixture.password, key_file);
    const Contents original = contents(from_kdbx);
    REQUIRE_FALSE(original.attachments.empty());
    if (fixture.file == "generated/passkeys-pykeepass.kdbx") {
        CHECK(original.passkeys.size() == 2);
        CHECK(std::get<1>(original.attachments[0]) == "hello.txt");
        CHECK(std::get<2>(original.attachments[0]) == encoding::hex_encode(as_bytes("hello attachment\n")));
    }

    from_kdbx.timestamp = 1764201600;  // KDBX has no export time; the archive's header would get the clock's
    Report report;
    const crypto::SecureBytes archive = write_cxp(from_kdbx, importer.request_path, report);
    CHECK(report.count(NoticeKind::lost) == 0);
    Report read_report;
    const Vault from_cxp = read_cxp(archive, importer.key_path, read_report);
    CHECK(test::to_string(test::vault_diff(from_kdbx, from_cxp)) == "");

    WriteOptions write;
    write.password = [] { return crypto::Secret("new password"); };
    write.kdbx.save = test::kdbx::cheap_settings();
    io::MemoryOutput out;
    Report write_report;
    kdbx_format().write(from_cxp, out, write, write_report);
    const Contents again = contents(read_kdbx(out.bytes(), "again.kdbx", "new password", std::nullopt));
    CHECK(again.attachments == original.attachments);
    CHECK(again.passkeys == original.passkeys);
}
