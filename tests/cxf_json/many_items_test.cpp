// SPDX-License-Identifier: MIT
// The writer hands chunks of a large account's items to a second thread (json::RenderAhead): what it writes must not
// show it, in the layout, the order of the items, the order of the notices or the error raised.
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <catch2/catch.hpp>
#include <string>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/error.h"

using namespace cxf;

namespace {

// More items than two chunks, with history, notes and tags on some, and a short second account.
Vault many_items(std::size_t count) {
    Vault v;
    v.timestamp = 1700000000;
    Account& a = v.accounts.emplace_back();
    a.id = {1, 2, 3};
    a.username = "many";
    for (std::size_t i = 0; i < count; ++i) {
        Item& item = a.items.emplace_back();
        item.id = {static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i), 7};
        item.title = "Item " + std::to_string(i);
        BasicAuth auth;
        auth.username = make_field(FieldType::string, "user" + std::to_string(i));
        // Every kind of escape, and text that needs none.
        auth.password = make_field(FieldType::concealed_string, "pw\"\\\n\t\b\f\r\x01\x1f\x7f/é" + std::to_string(i));
        item.credentials.emplace_back(std::move(auth));
        if (i % 3 == 0) item.tags = {"t" + std::to_string(i % 5), "shared"};
        if (i % 7 == 0) {
            Note note;
            note.content = make_field(FieldType::string, "note ☃ " + std::to_string(i));
            item.credentials.emplace_back(std::move(note));
        }
        if (i % 11 == 0) {
            Item old;
            old.id = item.id;
            old.title = "Old " + std::to_string(i);
            item.history.push_back(std::move(old));
        }
    }
    Account& b = v.accounts.emplace_back();
    b.id = {9};
    for (int i = 0; i < 3; ++i) {
        Item& item = b.items.emplace_back();
        item.id = {static_cast<std::uint8_t>(i), 9};
        item.title = "Other " + std::to_string(i);
    }
    return v;
}

std::string text_of(const Vault& v, bool pretty, Report& report) {
    cxf_json::WriteSettings settings;
    settings.pretty = pretty;
    const crypto::SecureBytes out = cxf_json::write(v, settings, report);
    return std::string(out.begin(), out.end());
}

// The document as RapidJSON lays it out on one thread, a newline after it as cxf writes.
std::string laid_out_again(const std::string& text, bool pretty) {
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    REQUIRE_FALSE(doc.HasParseError());
    rapidjson::StringBuffer buffer;
    if (pretty) {
        rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
        writer.SetIndent(' ', 2);
        doc.Accept(writer);
    } else {
        rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
        doc.Accept(writer);
    }
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string error_place(const Vault& v) {
    Report report;
    try {
        text_of(v, true, report);
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid);
        return e.where().place;
    }
    return "no error";
}

}  // namespace

TEST_CASE("a large account is written as one thread lays it out, its items in order", "[cxf][types]") {
    for (const std::size_t count : {1u, 255u, 256u, 257u, 512u, 513u, 768u, 769u, 1025u, 2600u}) {
        const Vault v = many_items(count);
        for (const bool pretty : {true, false}) {
            CAPTURE(count, pretty);
            Report report;
            const std::string text = text_of(v, pretty, report);
            CHECK(text == laid_out_again(text, pretty));

            Report read_report;
            const Vault back = cxf_json::read(text, "many.cxf", {}, read_report);
            REQUIRE(back.accounts.size() == 2);
            REQUIRE(back.accounts[0].items.size() == count);
            for (std::size_t i = 0; i < count; ++i) {
                const Item& item = back.accounts[0].items[i];
                REQUIRE(item.title == "Item " + std::to_string(i));
                REQUIRE(item.history.size() == (i % 11 == 0 ? 1u : 0u));
                REQUIRE(item.credentials.size() == (i % 7 == 0 ? 2u : 1u));
            }
            CHECK(back.accounts[1].items.size() == 3);
        }
    }
}

TEST_CASE("a collection of many items is written as one thread lays it out, its links in order", "[cxf][types]") {
    Vault v = many_items(3);
    Collection& c = v.accounts[0].collections.emplace_back();
    c.id = {4, 4};
    c.title = "All";
    constexpr std::size_t links = 3 * 4096 + 5;
    for (std::size_t i = 0; i < links; ++i) {
        LinkedItem& link = c.items.emplace_back();
        link.item = {static_cast<std::uint8_t>(i >> 16), static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i)};
        if (i % 5 == 0) link.account = Id{9};
    }
    for (const bool pretty : {true, false}) {
        CAPTURE(pretty);
        Report report;
        const std::string text = text_of(v, pretty, report);
        CHECK(text == laid_out_again(text, pretty));
        Report read_report;
        const Vault back = cxf_json::read(text, "links.cxf", {}, read_report);
        REQUIRE(back.accounts[0].collections.size() == 1);
        const std::vector<LinkedItem>& read = back.accounts[0].collections[0].items;
        REQUIRE(read.size() == links);
        for (std::size_t i = 0; i < links; ++i) {
            REQUIRE(read[i].item == c.items[i].item);
            REQUIRE(read[i].account.has_value() == (i % 5 == 0));
        }
    }
}

TEST_CASE("the notices of a large account come in item order", "[cxf][types]") {
    Vault v = many_items(2600);
    const std::size_t dated[] = {5, 600, 1030, 1600, 2599};
    for (const std::size_t i : dated) v.accounts[0].items[i].creation_at = -1;  // CXF has no dates before 1970
    Report report;
    text_of(v, true, report);
    REQUIRE(report.notices().size() == std::size(dated));
    for (std::size_t n = 0; n < std::size(dated); ++n)
        CHECK(report.notices()[n].place == "/accounts/0/items/" + std::to_string(dated[n]));
}

TEST_CASE("the error raised for a large account is that of its first bad item", "[cxf][types]") {
    const auto with_bad_titles = [](std::initializer_list<std::size_t> bad) {
        Vault v = many_items(2600);
        for (const std::size_t i : bad) v.accounts[0].items[i].title = "bad \xC3\x28";
        return v;
    };
    CHECK(error_place(with_bad_titles({100, 300})) == "/accounts/0/items/100");
    CHECK(error_place(with_bad_titles({300, 700})) == "/accounts/0/items/300");
    CHECK(error_place(with_bad_titles({800, 1100})) == "/accounts/0/items/800");
    CHECK(error_place(with_bad_titles({700, 1100})) == "/accounts/0/items/700");
    CHECK(error_place(with_bad_titles({1100, 1600})) == "/accounts/0/items/1100");
    CHECK(error_place(with_bad_titles({2599})) == "/accounts/0/items/2599");
}
