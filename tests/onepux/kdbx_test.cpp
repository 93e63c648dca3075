// SPDX-License-Identifier: MIT
// 1PUX → KDBX → model: KDBX holds everything, so every 1PUX file read comes back from KDBX whole —
// the cxf.local/1password layout, the documents' bytes and the TOTPs included — with nothing lost.
#include <catch2/catch.hpp>

#include "cxf/formats/registry.h"
#include "cxf/kdbx/map/names.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/onepux/support.h"
#include "tests/support/json_diff.h"

using namespace cxf;
using namespace onepux_test;

namespace {

void drop_kdbx_bookkeeping(std::vector<Extension>& extensions) {
    std::erase_if(extensions, [](const Extension& e) { return extension_name(e) == kdbx_map::extension_name; });
}

void drop_kdbx_bookkeeping(Vault& vault) {
    for (Account& a : vault.accounts) {
        drop_kdbx_bookkeeping(a.extensions);
        for (Collection& c : a.collections) drop_kdbx_bookkeeping(c.extensions);
        for (Item& i : a.items) {
            drop_kdbx_bookkeeping(i.extensions);
            for (Item& old : i.history) drop_kdbx_bookkeeping(old.extensions);
        }
    }
}

Vault through_kdbx(const Vault& vault, Report& write_report) {
    const Format& kdbx = *find_format("kdbx");
    WriteOptions write;
    write.password = [] { return crypto::Secret("pw"); };
    write.kdbx.save = test::kdbx::cheap_settings();
    io::MemoryOutput out;
    kdbx.write(vault, out, write, write_report);
    ReadOptions read;
    read.password = [] { return crypto::Secret("pw"); };
    Report read_report;
    Vault back = kdbx.read(Input{"written.kdbx", std::move(out.bytes())}, read, read_report);
    CHECK(read_report.count(NoticeKind::skipped) == 0);
    drop_kdbx_bookkeeping(back);
    return back;
}

}  // namespace

TEST_CASE("1PUX → KDBX → model keeps every field of every 1PUX fixture, documents' bytes included", "[onepux][kdbx]") {
    for (const std::string_view file : {keepassxc_sample, every_category, legacy_shape}) {
        CAPTURE(file);
        Report read_report;
        const Vault original = read(file, read_report);
        Report write_report;
        Vault back = through_kdbx(original, write_report);
        CHECK(write_report.count(NoticeKind::lost) == 0);
        back.timestamp = original.timestamp;  // the export's time: each export has its own
        const auto diff = test::vault_diff(original, back);
        INFO(test::to_string(diff));
        CHECK(diff.empty());
    }
}

TEST_CASE("1PUX → KDBX: the sample's login keeps both TOTPs and its document its bytes", "[onepux][kdbx]") {
    Report report;
    const Vault back = through_kdbx(read(keepassxc_sample, report), report);
    CHECK(all<Totp>(item_titled(back, "Login")).size() == 2);
    const auto files = all<File>(item_titled(back, "KeePassXC Logo"));
    REQUIRE(files.size() == 1);
    REQUIRE(files[0]->data);
    CHECK(files[0]->data->size() > 0);
    CHECK(files[0]->integrity_hash.size() == 32);
}
