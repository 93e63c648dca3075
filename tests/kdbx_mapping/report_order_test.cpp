// SPDX-License-Identifier: MIT
// The KDBX writer maps an item in a first pass only when it may hold attachments or need KDBX 4.1;
// the others are mapped once, as they are written. Either way the report lists what each item lost
// or changed in the order of the items.
#include <catch2/catch.hpp>

#include "cxf/crypto/hash.h"
#include "cxf/io/output.h"
#include "exporters/kdbx/write.h"
#include "importers/kdbx/read.h"
#include "tests/kdbx_mapping/mapping_support.h"

using namespace cxf;
using namespace test::kdbx_mapping;

namespace {

Item titled(std::string title, std::uint8_t id) {
    Item item;
    item.id = Id(16, id);
    item.title = std::move(title);
    item.scope = CredentialScope{{"https://a.example", ""}, {}};  // the empty URL is left out, and said so
    return item;
}

File attachment() {
    File f;
    f.id = Id(16, 0xF0);
    f.name = "scan.bin";
    f.data = crypto::secure_copy(as_bytes("attached bytes"));
    f.decrypted_size = f.data->size();
    const crypto::SecureBytes digest = crypto::sha256({*f.data});
    f.integrity_hash.assign(digest.begin(), digest.end());
    return f;
}

}  // namespace

TEST_CASE("items mapped once or twice report in the order of the items", "[kdbx-mapping]") {
    Vault vault;
    Account& account = vault.accounts.emplace_back();
    account.id = Id(16, 0xAA);
    account.items.push_back(titled("first, mapped once", 1));
    Item second = titled("second, with an attachment", 2);
    second.credentials.emplace_back(attachment());
    Item old = titled("second, before", 2);
    old.history.push_back(titled("older still", 2));  // a history entry has no history: lost
    second.history.push_back(std::move(old));
    account.items.push_back(std::move(second));
    account.items.push_back(titled("third, mapped once", 3));

    Report report;
    io::MemoryOutput out;
    kdbx_map::write(vault, out, cheap_write_options(), report);
    std::vector<std::string> places;
    for (const Notice& n : report.notices()) places.push_back(n.place);
    CHECK(places == std::vector<std::string>{"/accounts/0/items/0", "/accounts/0/items/1",
                                             "/accounts/0/items/1/history/0", "/accounts/0/items/1/history/0",
                                             "/accounts/0/items/2"});

    ReadOptions options = password_options("pw");
    Report read_report;
    const Vault back = kdbx_format().read(Input{"order.kdbx", std::move(out.bytes())}, options, read_report);
    REQUIRE(back.accounts.at(0).items.size() == 3);
    const Item& with_file = back.accounts[0].items[1];
    const auto file = std::find_if(with_file.credentials.begin(), with_file.credentials.end(),
                                   [](const Credential& c) { return std::holds_alternative<File>(c); });
    REQUIRE(file != with_file.credentials.end());
    CHECK(as_text(*std::get<File>(*file).data) == "attached bytes");
}
