// SPDX-License-Identifier: MIT
#include <catch2/catch.hpp>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/plugin/losses.h"
#include "tests/cxf_json/kitchen_sink.h"

using namespace cxf;

TEST_CASE("every extension a writer cannot hold is reported by name and place", "[unit][losses]") {
    Report read_report;
    const Vault v = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, read_report);
    Report report;
    report_extensions_lost(v, "exporter.example.com/usage", "Target", report);
    std::vector<std::string> lost;
    for (const Notice& n : report.notices()) {
        CHECK(n.kind == NoticeKind::lost);
        CHECK(n.message == "Target has no place for this extension");
        lost.push_back(n.place + " " + n.field);
    }
    CHECK(lost == std::vector<std::string>{
                      "/accounts/0 extension:exporter.example.com/account",
                      "/accounts/0/collections/0 extension:exporter.example.com/color",
                      "/accounts/0/collections/0/subCollections/0 extension:shared",
                      "/accounts/0/items/0 extension:shared",
                      "/accounts/0/items/0/credentials/0/username extension:exporter.example.com/hint",
                      "/accounts/0/items/0/credentials/5 extension:exporter.example.com/section",
                  });
    CHECK(report.notices()[3].item == "Login with everything");
}

TEST_CASE("item places are CXF pointers", "[unit][losses]") {
    CHECK(item_place(1, 2) == "/accounts/1/items/2");
}
