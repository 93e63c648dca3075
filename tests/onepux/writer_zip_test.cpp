// SPDX-License-Identifier: MIT
// The zip the 1PUX writer makes: its entries in 1Password's order, export.attributes' shape, the
// files/ entries with the documents' bytes, and the item members 1Password's importer reads.
#include <catch2/catch.hpp>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/formats/registry.h"
#include "cxf/io/zip.h"
#include "cxf/json/document.h"
#include "tests/cxf_json/kitchen_sink.h"
#include "tests/onepux/support.h"

using namespace cxf;

namespace {

std::vector<std::string> entry_names(const io::ZipReader& zip) {
    std::vector<std::string> out;
    for (const io::ZipEntry& e : zip.entries()) out.push_back(e.name);
    return out;
}

std::string entry_text(const io::ZipReader& zip, std::string_view name) {
    const auto index = zip.find(name);
    if (!index) return "<absent>";
    const crypto::SecureBytes bytes = zip.read(*index);
    return std::string(as_text(bytes));
}

Vault kitchen_sink() {
    Report report;
    Vault vault = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, report);
    std::get<File>(vault.accounts[0].items[1].credentials[0]).data = crypto::SecureBytes{'h', 'e', 'l', 'l', 'o'};
    return vault;
}

}  // namespace

TEST_CASE("a vault from CXF is written as export.attributes, export.data and files/", "[onepux][writer]") {
    Report report;
    const crypto::SecureBytes bytes = onepux_test::write(kitchen_sink(), report);
    const io::ZipReader zip(bytes, "written.1pux", {});
    const auto names = entry_names(zip);
    REQUIRE(names.size() == 3);
    CHECK(names[0] == "export.attributes");
    CHECK(names[1] == "export.data");
    CHECK(names[2].starts_with("files/"));
    CHECK(names[2].ends_with("__scan.pdf"));
    CHECK(entry_text(zip, names[2]) == "hello");
    CHECK(entry_text(zip, "export.attributes") == R"({"version":3,"description":"1Password Unencrypted Export","createdAt":1705228800})");
    CHECK(find_format("1pux")->detect(bytes, "written.1pux") == Confidence::yes);
}

TEST_CASE("every written item has a uuid, times, a state and a category, and logins their designated fields", "[onepux][writer]") {
    Report report;
    const crypto::SecureBytes bytes = onepux_test::write(kitchen_sink(), report);
    const io::ZipReader zip(bytes, "written.1pux", {});
    const json::Document data(entry_text(zip, "export.data"), "export.data");
    const auto vaults = data.root().find("accounts")->elements().begin().operator*().find("vaults");
    REQUIRE(vaults);
    std::vector<std::string> categories;
    for (const json::Cursor vault : vaults->elements())
        for (const json::Cursor item : vault.find("items")->elements()) {
            CHECK(item.find("uuid")->string().size() == 26);
            CHECK(item.find("createdAt")->int64() > 0);
            CHECK(item.find("updatedAt")->int64() >= item.find("createdAt")->int64());
            CHECK(item.find("state")->string() == "active");
            categories.emplace_back(item.find("categoryUuid")->string());
            if (categories.back() == "001") {
                const auto login_fields = item.find("details")->find("loginFields");
                std::vector<std::string> designations;
                for (const json::Cursor f : login_fields->elements())
                    designations.emplace_back(f.find("designation")->string());
                CHECK(designations == std::vector<std::string>{"username", "password"});
            }
        }
    // The login, the wallet (a credit card first of all its credentials), the empty item.
    CHECK(categories == std::vector<std::string>{"001", "002", "003"});
}

TEST_CASE("the KeePassXC sample keeps its export.attributes as 1Password wrote them", "[onepux][writer]") {
    Report report;
    const Vault vault = onepux_test::read(onepux_test::keepassxc_sample, report);
    const crypto::SecureBytes bytes = onepux_test::write(vault, report);
    const io::ZipReader zip(bytes, "written.1pux", {});
    CHECK(entry_text(zip, "export.attributes") ==
          R"({"version":3,"description":"1Password Unencrypted Export","timestamp":1670261487})");
    CHECK(entry_names(zip) == std::vector<std::string>{"export.attributes", "export.data",
                                                      "files/oakiw7lqbp53fgqrxrk63su2gu__keepassxc.png"});
}
