// SPDX-License-Identifier: MIT
// 1PUX → model → 1PUX → model: the second vault is the first one, extension and attachment bytes
// included, for the real KeePassXC sample and every synthetic fixture; and writing is deterministic.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cxf/formats/registry.h"
#include "cxf/io/zip.h"
#include "tests/onepux/support.h"
#include "tests/support/json_diff.h"

using namespace cxf;

namespace {

std::vector<std::string> pointers(const std::vector<test::Difference>& differences) {
    std::vector<std::string> out;
    for (const test::Difference& d : differences) out.push_back(d.pointer + " " + d.kind);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t lost(const Report& report) { return report.count(NoticeKind::lost); }

// A 1PUX zip holding `data` as its export.data.
crypto::SecureBytes export_of(std::string_view data) {
    io::MemoryOutput out;
    io::ZipWriter zip(out);
    zip.add("export.data", as_bytes(data), io::ZipMethod::deflate, 0);
    zip.finish();
    return std::move(out.bytes());
}

}  // namespace

TEST_CASE("the synthetic 1PUX fixtures come back from the writer as they were read", "[onepux][writer]") {
    for (const std::string_view fixture : {onepux_test::every_category, onepux_test::legacy_shape}) {
        CAPTURE(fixture);
        Report first_report, write_report, second_report;
        const Vault first = onepux_test::read(fixture, first_report);
        const Vault second = onepux_test::read_bytes(onepux_test::write(first, write_report), second_report);
        const auto differences = test::vault_diff(first, second);
        CAPTURE(test::to_string(differences));
        CHECK(differences.empty());
        // The passkey metadata goes back into the file; it is lost again when read, as the first time.
        CHECK(lost(second_report) == lost(first_report));
        CHECK(lost(write_report) == 0);
    }
}

TEST_CASE("the KeePassXC 1PUX sample comes back whole, and its item without uuid or times gets them", "[onepux][writer]") {
    Report report;
    const Vault first = onepux_test::read(onepux_test::keepassxc_sample, report);
    const Vault second = onepux_test::read_bytes(onepux_test::write(first, report), report);
    const auto differences = pointers(test::vault_diff(first, second));
    CHECK(differences == std::vector<std::string>{
                             "/accounts/0/collections/0/items/1/item changed",
                             "/accounts/0/items/1/creationAt added",
                             "/accounts/0/items/1/id changed",
                             "/accounts/0/items/1/modifiedAt added",
                         });
    const Item& password = onepux_test::item_titled(second, "UUID 005 Password");
    CHECK(password.creation_at == onepux_test::write_time);
    CHECK(password.modified_at == onepux_test::write_time);
    CHECK(second.accounts[0].collections[0].items[1].item == password.id);
    CHECK(onepux_test::value(onepux_test::only<BasicAuth>(password).password) == "uuid005password");
}

TEST_CASE("writing the same vault at the same time gives the same bytes", "[onepux][writer]") {
    Report report;
    const Vault first = onepux_test::read(onepux_test::keepassxc_sample, report);
    const crypto::SecureBytes once = onepux_test::write(first, report);
    const Vault again = onepux_test::read_bytes(once, report);
    CHECK(onepux_test::write(again, report) == once);
    CHECK(onepux_test::write(first, report) == once);
}

TEST_CASE("1PUX → CXF archive → 1PUX: what 1PUX held comes back through CXF", "[onepux][writer][cxf]") {
    const auto through = [](std::string_view id, const Vault& vault, Report& report) {
        const Format& format = *find_format(id);
        io::MemoryOutput out;
        format.write(vault, out, {}, report);
        Report read_report;
        return format.read(Input{"through", std::move(out.bytes())}, {}, read_report);
    };
    for (const std::string_view fixture :
         {onepux_test::keepassxc_sample, onepux_test::every_category, onepux_test::legacy_shape}) {
        CAPTURE(fixture);
        Report report;
        const Vault first = onepux_test::read(fixture, report);
        Report cxf_report;
        const Vault via_cxf = through("cxf-archive", first, cxf_report);
        CHECK(lost(cxf_report) == 0);
        const Vault direct = onepux_test::read_bytes(onepux_test::write(first, report), report);
        Report write_report;
        const Vault back = onepux_test::read_bytes(onepux_test::write(via_cxf, write_report), report);
        CHECK(lost(write_report) == 0);
        const auto differences = test::vault_diff(direct, back);
        CAPTURE(test::to_string(differences));
        CHECK(differences.empty());
    }
}

TEST_CASE("a labelled website entry without a URL is kept and written back", "[onepux][writer]") {
    const std::string_view data = R"({"accounts":[{"attrs":{"uuid":"a"},"vaults":[{"attrs":{"uuid":"v","name":"V"},"items":[
        {"uuid":"i","categoryUuid":"001","createdAt":1,"updatedAt":2,"state":"active",
         "overview":{"title":"T","url":"https://example.com","urls":[{"label":"website","url":"https://example.com"},
                                                                    {"label":"staging","url":""}]},
         "details":{"loginFields":[],"sections":[]}}]}]}]})";
    Report report;
    const Vault first = onepux_test::read_bytes(export_of(data), report);
    const onepux_test::OwnExtension extension(first.accounts[0].items[0].extensions);
    CHECK(extension.json("urls/1") == R"({"label":"staging","url":""})");
    const Vault second = onepux_test::read_bytes(onepux_test::write(first, report), report);
    const Item& item = second.accounts[0].items[0];
    CHECK(onepux_test::OwnExtension(item.extensions).json("urls") == extension.json("urls"));
    REQUIRE(item.scope);
    CHECK(item.scope->urls == std::vector<std::string>{"https://example.com"});
}

TEST_CASE("a large attachment that does not compress is stored in the 1PUX and comes back whole", "[onepux][writer]") {
    Report report;
    Vault vault = onepux_test::read(onepux_test::keepassxc_sample, report);
    crypto::SecureBytes scan(1 << 20);
    std::uint32_t seed = 17;
    for (std::uint8_t& b : scan) b = static_cast<std::uint8_t>((seed = seed * 1103515245 + 12345) >> 24);
    File file;
    file.id = Id{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    file.name = "scan.jpg";
    file.decrypted_size = scan.size();
    file.data = scan;
    Item& item = vault.accounts.at(0).items.at(0);
    item.credentials.emplace_back(std::move(file));

    const crypto::SecureBytes written = onepux_test::write(vault, report);
    const io::ZipReader zip(written, "scan.1pux", {});
    const auto stored = std::find_if(zip.entries().begin(), zip.entries().end(), [](const io::ZipEntry& e) {
        return e.name.ends_with("__scan.jpg");
    });
    REQUIRE(stored != zip.entries().end());
    CHECK(stored->compressed_size == stored->size);
    const Vault back = onepux_test::read_bytes(written, report);
    bool found = false;
    for (const Credential& c : back.accounts.at(0).items.at(0).credentials)
        if (const auto* f = std::get_if<File>(&c); f && f->name == "scan.jpg") found = f->data && *f->data == scan;
    CHECK(found);
}
