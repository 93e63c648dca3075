// SPDX-License-Identifier: MIT
// The extension builder and view every format uses: named by the caller, members grouped by key,
// nested members built with json::Builder, nothing added when there is nothing to keep.
#include <catch2/catch.hpp>

#include "cxf/json/extension.h"

using namespace cxf;

TEST_CASE("an extension builder groups members by key under the name it is given", "[unit][json]") {
    json::ExtensionBuilder b("cxf.local/test");
    CHECK(b.empty());
    b.set_string("s", "a\"b");
    b.append("list", json::json_integer(1));
    b.set_in("obj", "k", json::json_null());
    b.append("list", json::json_string("x"));
    b.set_integer("s", -2);  // replaces
    std::vector<Extension> extensions;
    b.add_to(extensions);
    REQUIRE(extensions.size() == 1);
    const auto& raw = std::get<RawExtension>(extensions[0]);
    CHECK(raw.name == "cxf.local/test");
    CHECK(raw.json.view() == R"({"name":"cxf.local/test","s":-2,"list":[1,"x"],"obj":{"k":null}})");
    CHECK(b.json_object().view() == R"({"s":-2,"list":[1,"x"],"obj":{"k":null}})");

    json::ExtensionBuilder nothing("cxf.local/test");
    nothing.add_to(extensions);
    CHECK(extensions.size() == 1);
}

TEST_CASE("an extension is written member by member with the JSON builder", "[unit][json]") {
    const crypto::Secret json = json::extension_json("cxf.local/kdbx", [](json::Builder& out) {
        out.key("times").begin_object().key("usage").integer(3).end_object();
    });
    CHECK(json.view() == R"({"name":"cxf.local/kdbx","times":{"usage":3}})");
    CHECK(json::extension_json("cxf.local/kdbx", [](json::Builder&) {}).empty());

    std::vector<Extension> extensions;
    json::add_extension(extensions, "cxf.local/kdbx", json::extension_json("cxf.local/kdbx", [](json::Builder&) {}));
    CHECK(extensions.empty());
    json::add_extension(extensions, "cxf.local/kdbx", json.clone());
    REQUIRE(json::find_extension(extensions, "cxf.local/kdbx"));
    CHECK(json::find_extension(extensions, "cxf.local/kdbx")->json.view() == json.view());
    CHECK_FALSE(json::find_extension(extensions, "cxf.local/bitwarden"));
}

TEST_CASE("an extension view finds its own extension and tolerates other types", "[unit][json]") {
    std::vector<Extension> extensions;
    extensions.emplace_back(RawExtension{"cxf.local/other", crypto::Secret(R"({"name":"cxf.local/other","n":1})")});
    extensions.emplace_back(RawExtension{"cxf.local/mine", crypto::Secret(R"({"name":"cxf.local/mine","n":7,"s":"t","big":18446744073709551615})")});
    const json::ExtensionView view(extensions, "cxf.local/mine");
    REQUIRE(view.present());
    CHECK(view.integer("n") == 7);
    CHECK(view.string("s") == "t");
    CHECK_FALSE(view.string("n"));
    CHECK_FALSE(view.integer("s"));
    CHECK_FALSE(view.integer("big"));
    CHECK_FALSE(view.find("missing"));
    const json::ExtensionView none(extensions, "cxf.local/none");
    CHECK_FALSE(none.present());
    CHECK_FALSE(none.string("s"));
}
