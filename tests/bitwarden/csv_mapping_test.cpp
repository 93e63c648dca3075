// SPDX-License-Identifier: MIT
// Bitwarden CSV cells read as Bitwarden's own CSV importer reads them (bitwarden/clients
// BitwardenCsvImporter), and what the writer reports when Bitwarden would read a cell otherwise.
#include <catch2/catch.hpp>

#include "cxf/csv/csv.h"
#include "tests/bitwarden/support.h"

using namespace cxf;

namespace {

constexpr std::string_view header =
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n";

Vault read_rows(std::string_view rows, Report& report) {
    return bwtest::read_text("bitwarden-csv", std::string(header) + std::string(rows), report);
}

// The cell of `column` in the first record after the header.
std::string first_row_cell(std::string_view csv_text, std::string_view column) {
    csv::Reader reader(csv_text, "csv", {});
    const auto names = reader.next();
    const auto row = reader.next();
    for (std::size_t i = 0; i < names->cells.size(); ++i)
        if (names->cells[i].view() == column) return std::string(row->cells.at(i).view());
    throw std::logic_error("no column " + std::string(column));
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

TEST_CASE("CSV androidapp:// URIs are Android apps, as in JSON, and keep their place among the URIs", "[bitwarden][csv]") {
    Report report;
    const Vault v = read_rows(",,login,x,,,0,\"androidapp://com.example.app,https://a.example\",u,p,\n", report);
    const Item& item = bwtest::item_titled(v, "x");
    REQUIRE(item.scope);
    CHECK(item.scope->urls == std::vector<std::string>{"https://a.example"});
    REQUIRE(item.scope->android_apps.size() == 1);
    CHECK(item.scope->android_apps[0].bundle_id == "com.example.app");

    Report csv_report, json_report;
    CHECK(first_row_cell(bwtest::write("bitwarden-csv", v, csv_report), "login_uri") ==
          "androidapp://com.example.app,https://a.example");
    const bwtest::Json json(bwtest::write("bitwarden", v, json_report));
    CHECK(bwtest::at(json.root(), "items/0/login/uris/0/uri").string() == "androidapp://com.example.app");
    CHECK(bwtest::at(json.root(), "items/0/login/uris/1/uri").string() == "https://a.example");
}

TEST_CASE("a CSV TOTP keeps its spelling through CSV and JSON, as a JSON one does", "[bitwarden][csv]") {
    // period=30 is the default: cxf alone would leave it out.
    const std::string uri = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&period=30";
    Report report;
    const Vault v = read_rows(",,login,x,,,0,,u,p," + uri + "\n", report);
    CHECK(bwtest::only<Totp>(bwtest::item_titled(v, "x")).secret.view() == "JBSWY3DPEHPK3PXP");
    Report csv_report, json_report;
    CHECK(first_row_cell(bwtest::write("bitwarden-csv", v, csv_report), "login_totp") == uri);
    const bwtest::Json json(bwtest::write("bitwarden", v, json_report));
    CHECK(bwtest::at(json.root(), "items/0/login/totp").string() == uri);
}

TEST_CASE("a CSV with a subset of Bitwarden's columns is read as logins, as Bitwarden does", "[bitwarden][csv]") {
    Report report;
    const Vault v = bwtest::read_text("bitwarden-csv", "name,login_uri,login_username,login_password\nx,https://a.example,u,p\n", report);
    const Item& item = v.accounts.at(0).items.at(0);
    CHECK(item.title == "x");
    CHECK(bwtest::value(bwtest::only<BasicAuth>(item).username) == "u");
    CHECK(bwtest::value(bwtest::only<BasicAuth>(item).password) == "p");
    CHECK(item.scope->urls == std::vector<std::string>{"https://a.example"});
    CHECK(report.notices().empty());

    // Bitwarden's importer also takes the names without "login_".
    Report aliases;
    const Vault w = bwtest::read_text("bitwarden-csv", "name,uri,username,password,totp\ny,https://b.example,v,q,JBSWY3DPEHPK3PXP\n", aliases);
    const Item& other = w.accounts.at(0).items.at(0);
    CHECK(bwtest::value(bwtest::only<BasicAuth>(other).username) == "v");
    CHECK(bwtest::value(bwtest::only<BasicAuth>(other).password) == "q");
    CHECK(other.scope->urls == std::vector<std::string>{"https://b.example"});
    CHECK(bwtest::only<Totp>(other).secret.view() == "JBSWY3DPEHPK3PXP");
}

TEST_CASE("a CSV with a subset of Bitwarden's columns is detected as bitwarden-csv, at maybe", "[bitwarden][csv]") {
    const auto input = [](std::string_view text) { return Input{"x.csv", crypto::SecureBytes(text.begin(), text.end())}; };
    const auto confidence = [&](std::string_view text) { return find_format("bitwarden-csv")->detect(input(text).bytes, "x.csv"); };
    CHECK(detect_format(input("name,login_uri,login_username,login_password\nx,https://a.example,u,p\n")).id == "bitwarden-csv");
    CHECK(detect_format(input("login_username,login_password\nu,p\n")).id == "bitwarden-csv");
    CHECK(confidence("name,login_password\n") == Confidence::maybe);
    CHECK(confidence(header) == Confidence::yes);
    CHECK(confidence("url,username,password\n") == Confidence::no);  // a generic CSV is not guessed
}
