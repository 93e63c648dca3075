// SPDX-License-Identifier: MIT
// Nothing of a CXF vault disappears silently in 1PUX: field labels and ids are written as the 1PUX
// fields' titles and ids, empty values as empty values, and what 1PUX has no place for (the label
// of a login field, an account's username, a collection's dates) is reported as a lost detail by name.
#include <catch2/catch.hpp>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/io/zip.h"
#include "cxf/json/document.h"
#include "tests/onepux/support.h"

using namespace cxf;
using onepux_test::only;
using onepux_test::value;

namespace {

// The ids are base64url of text: "userid", "noteid", "sectionid", "fieldid", "ccnum", "numberid".
constexpr std::string_view labelled_cxf = R"json({
  "version": {"major": 1, "minor": 0}, "exporterRpId": "x.example", "exporterDisplayName": "X", "timestamp": 1705228800,
  "accounts": [{
    "id": "YWNjdA", "username": "jdoe", "email": "jane@example.com", "fullName": "Jane Doe",
    "collections": [{"id": "Y29sbA", "title": "Work", "creationAt": 1700000000,
                     "items": [{"item": "aXRlbTE"}, {"item": "aXRlbTI", "account": "b3RoZXI"}]}],
    "items": [{
      "id": "aXRlbTE", "title": "Login",
      "credentials": [
        {"type": "basic-auth",
         "username": {"id": "dXNlcmlk", "fieldType": "string", "value": "jane", "label": "User"},
         "password": {"fieldType": "concealed-string", "value": "", "label": "Secret"}},
        {"type": "note", "content": {"id": "bm90ZWlk", "fieldType": "string", "value": "n", "label": "Memo"}},
        {"type": "custom-fields", "id": "c2VjdGlvbmlk", "label": "Extra",
         "fields": [{"id": "ZmllbGRpZA", "fieldType": "string", "value": "", "label": "Empty"}]}]
    }, {
      "id": "aXRlbTM", "title": "Card",
      "credentials": [
        {"type": "credit-card", "number": {"id": "bnVtYmVyaWQ", "fieldType": "concealed-string", "value": "4111", "label": "Card no."}},
        {"type": "custom-fields", "fields": [{"id": "Y2NudW0", "fieldType": "string", "value": "v", "label": "Other"}]}]
    }]
  }]
})json";

Vault labelled() {
    Report report;
    return cxf_json::read(labelled_cxf, "labelled", {}, report);
}

// export.data of the vault written as 1PUX.
json::Document written_data(const Vault& vault, Report& report) {
    const crypto::SecureBytes bytes = onepux_test::write(vault, report);
    const io::ZipReader zip(bytes, "written.1pux", {});
    const crypto::SecureBytes data = zip.read(*zip.find("export.data"));
    return json::Document(as_text(data), "export.data");
}

json::Cursor first(const json::Cursor& array) { return *array.elements().begin(); }

json::Cursor written_item(const json::Document& data, std::string_view title) {
    for (const json::Cursor vault : first(*data.root().find("accounts")).find("vaults")->elements())
        for (const json::Cursor item : vault.find("items")->elements())
            if (item.find("overview")->find("title")->string() == title) return item;
    throw std::logic_error("no item written titled " + std::string(title));
}

json::Cursor login_field(const json::Cursor& item, std::string_view designation) {
    for (const json::Cursor field : item.find("details")->find("loginFields")->elements())
        if (field.find("designation")->string() == designation) return field;
    throw std::logic_error("no login field " + std::string(designation));
}

// The section field titled `title`, with the section holding it.
std::pair<json::Cursor, json::Cursor> section_field(const json::Cursor& item, std::string_view title) {
    for (const json::Cursor section : item.find("details")->find("sections")->elements())
        for (const json::Cursor field : section.find("fields")->elements())
            if (field.find("title")->string() == title) return {section, field};
    throw std::logic_error("no section field " + std::string(title));
}

std::string text(const json::Cursor& object, std::string_view key) { return std::string(object.find(key)->string()); }

// "item|field" of each lost detail.
std::vector<std::string> lost_details(const Report& report) {
    std::vector<std::string> out;
    for (const Notice& n : report.notices())
        if (n.kind == NoticeKind::lost && n.detail) out.push_back(n.item + "|" + n.field);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("CXF field labels and ids are 1PUX field titles and ids, and empty values are written", "[onepux][writer][losses]") {
    Report report;
    const json::Document data = written_data(labelled(), report);
    const json::Cursor login = written_item(data, "Login");
    CHECK(text(login_field(login, "username"), "id") == "userid");
    CHECK(json::to_json(*login_field(login, "password").find("value")).view() == R"("")");

    const auto [section, empty] = section_field(login, "Empty");
    CHECK(text(section, "name") == "sectionid");
    CHECK(text(empty, "id") == "fieldid");
    CHECK(json::to_json(*empty.find("value")).view() == R"({"string":""})");

    const json::Cursor card = written_item(data, "Card");
    CHECK(text(section_field(card, "Card no.").second, "id") == "ccnum");  // the template's id: the label is the title
    // An id that names a template field of the category is not used: the reader would make it the card number.
    CHECK(text(section_field(card, "Other").second, "id") != "ccnum");
}

TEST_CASE("labels and ids 1PUX has no place for, an account's username and a collection's dates are reported",
          "[onepux][writer][losses]") {
    Report report;
    written_data(labelled(), report);
    CHECK(lost_details(report) == std::vector<std::string>{
                                      "Card|field-id:number", "Login|field-id:content", "Login|label:content",
                                      "Login|label:password", "Login|label:username", "|account:username",
                                      "|collection:Work", "|collection:Work"});
    for (const Notice& n : report.notices()) {
        CAPTURE(n.field, n.message);
        CHECK(n.feature);
        CHECK_THAT(n.message, !Catch::Contains("jane") && !Catch::Contains("4111"));
    }
    CHECK(onepux_test::count(report, NoticeKind::lost, "1Password vaults have no dates") == 1);
    CHECK(onepux_test::count(report, NoticeKind::lost, "items of its own account only") == 1);
}

TEST_CASE("an account's username is carried as its name or e-mail when it is one of them", "[onepux][writer][losses]") {
    Vault vault = labelled();
    vault.accounts[0].full_name.reset();  // the username becomes the accountName
    Report report;
    const json::Document data = written_data(vault, report);
    CHECK(text(*first(*data.root().find("accounts")).find("attrs"), "accountName") == "jdoe");
    CHECK(onepux_test::count(report, NoticeKind::lost, "a 1Password account has an e-mail and a name") == 0);
}

TEST_CASE("the labelled vault reads back with its values where they were", "[onepux][writer]") {
    Report report, back_report;
    const Vault back = onepux_test::read_bytes(onepux_test::write(labelled(), report), back_report);
    const Item& card = onepux_test::item_titled(back, "Card");
    CHECK(value(only<CreditCard>(card).number) == "4111");
    CHECK(onepux_test::fields_of(onepux_test::custom_fields(card, std::nullopt)) == std::vector<std::string>{"Other=string:v"});
    const Item& login = onepux_test::item_titled(back, "Login");
    CHECK(value(only<BasicAuth>(login).username) == "jane");
    CHECK(value(only<Note>(login).content) == "n");
}
