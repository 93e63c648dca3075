// SPDX-License-Identifier: MIT
// Bitwarden CSV cells read as Bitwarden's own CSV importer reads them (bitwarden/clients
// BitwardenCsvImporter), and what the writer reports when Bitwarden would read a cell otherwise.
#include <catch2/catch.hpp>

#include "tests/bitwarden/support.h"

using namespace cxf;

namespace {

constexpr std::string_view header =
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n";

Vault read_rows(std::string_view rows, Report& report) {
    return bwtest::read_text("bitwarden-csv", std::string(header) + std::string(rows), report);
}

}  // namespace

TEST_CASE("CSV custom fields split at the last ': ', as Bitwarden splits them", "[bitwarden][csv]") {
    Report report;
    const Vault v = read_rows(",,login,x,,\"na: me: value\nplain: v\",0,,,,\n", report);
    const auto& fields = bwtest::only<CustomFields>(bwtest::item_titled(v, "x")).fields;
    REQUIRE(fields.size() == 2);
    CHECK((fields[0].label == "na: me" && fields[0].value.view() == "value"));
    CHECK((fields[1].label == "plain" && fields[1].value.view() == "v"));
}

TEST_CASE("CSV types are read in any case, as Bitwarden lowercases them", "[bitwarden][csv]") {
    Report report;
    const Vault v = read_rows(",,Note,n,text,,0,,,,\n,,LOGIN,l,,,0,,u,p,\n", report);
    CHECK(bwtest::all<BasicAuth>(bwtest::item_titled(v, "n")).empty());
    CHECK(bwtest::value(bwtest::only<BasicAuth>(bwtest::item_titled(v, "l")).username) == "u");
    CHECK_FALSE(bwtest::has_message(report, NoticeKind::changed, "read as a login"));
}

TEST_CASE("the CSV writer reports a ': ' in a field's value, where Bitwarden would split, not in its name",
          "[bitwarden][csv]") {
    Vault v;
    Item& item = v.accounts.emplace_back().items.emplace_back();
    item.title = "x";
    CustomFields fields;
    EditableField name_colon(FieldType::string, "v");
    name_colon.label = "na: me";
    EditableField value_colon(FieldType::string, "a: b");
    value_colon.label = "other";
    fields.fields.push_back(std::move(name_colon));
    fields.fields.push_back(std::move(value_colon));
    item.credentials.emplace_back(std::move(fields));

    Report report;
    const std::string csv = bwtest::write("bitwarden-csv", v, report);
    CHECK(bwtest::has_message(report, NoticeKind::changed, "the value of custom field 'other' holds ': '"));
    CHECK_FALSE(bwtest::has_message(report, NoticeKind::changed, "'na: me'"));

    Report again;
    const Vault back = bwtest::read_text("bitwarden-csv", csv, again);
    const auto& read_back = bwtest::only<CustomFields>(bwtest::item_titled(back, "x")).fields;
    REQUIRE(read_back.size() == 2);
    CHECK((read_back[0].label == "na: me" && read_back[0].value.view() == "v"));
    CHECK((read_back[1].label == "other: a" && read_back[1].value.view() == "b"));  // as Bitwarden would read it
}
