// SPDX-License-Identifier: MIT
// kdbx::BackgroundVisitor: the target sees every event in order, and errors are those of a read that
// visits the target itself.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cxf/error.h"
#include "cxf/kdbx/background_visitor.h"
#include "tests/kdbx/kdbx_support.h"

namespace {

using namespace cxf::kdbx;
using test::kdbx::error_of;

// Records what it is handed; fails on the entry whose icon is `fail_at`.
class Recorder final : public DatabaseVisitor {
public:
    explicit Recorder(int fail_at = -1) : fail_at_(fail_at) {}
    void meta(const Meta& meta, std::vector<Binary> pool) override {
        events.push_back("meta " + meta.generator + " " + std::to_string(pool.size()));
    }
    void binary(Binary) override { events.push_back("binary"); }
    void begin_group(const Group& g) override { events.push_back("begin " + g.name); }
    void entry(Entry e) override {
        if (e.icon_id == fail_at_) throw cxf::Error(cxf::Errc::invalid, {"f", "entry " + std::to_string(e.icon_id)}, "target");
        events.push_back("entry " + std::to_string(e.icon_id));
    }
    void end_group(Group g) override { events.push_back("end " + g.name); }
    void end(Database& rest) override { events.push_back("rest " + rest.meta.generator); }
    std::vector<std::string> events;

private:
    int fail_at_;
};

// Hands over a database of `entries` entries, failing after `fail_after` of them when it is set.
void read(DatabaseVisitor& visitor, int entries, int fail_after = -1) {
    Database db;
    db.meta.generator = "g";
    std::vector<Binary> pool(2);
    visitor.meta(db.meta, std::move(pool));
    Group root;
    root.name = "r";
    visitor.begin_group(root);
    for (int i = 0; i < entries; ++i) {
        if (i == fail_after) throw cxf::Error(cxf::Errc::malformed, {"f", "XML line " + std::to_string(i)}, "read");
        if (i == 3) visitor.binary(Binary{});
        Entry e;
        e.icon_id = i;
        visitor.entry(std::move(e));
    }
    visitor.end_group(std::move(root));
    visitor.end(db);
}

std::vector<std::string> expected_events(int entries) {
    std::vector<std::string> out{"meta g 2", "begin r"};
    for (int i = 0; i < entries; ++i) {
        if (i == 3) out.push_back("binary");
        out.push_back("entry " + std::to_string(i));
    }
    out.insert(out.end(), {"end r", "rest g"});
    return out;
}

}  // namespace

TEST_CASE("a background visitor hands the target every event, in order", "[kdbx]") {
    for (const int entries : {0, 5, 64, 1000}) {
        CAPTURE(entries);
        Recorder target;
        BackgroundVisitor(target).run([&](DatabaseVisitor& v) { read(v, entries); });
        CHECK(target.events == expected_events(entries));
    }
}

TEST_CASE("a background visitor raises the error a one-thread read would", "[kdbx]") {
    const auto read_with = [](DatabaseVisitor& target, int fail_after) {
        return error_of([&] { BackgroundVisitor(target).run([&](DatabaseVisitor& v) { read(v, 1000, fail_after); }); });
    };
    SECTION("the target's error, from earlier in the file, wins over the read's") {
        Recorder target(10);
        const cxf::Error e = read_with(target, 900);
        CHECK(e.code() == cxf::Errc::invalid);
        CHECK(e.where().place == "entry 10");
    }
    SECTION("what was read before the read's error reaches the target first") {
        Recorder target(899);
        CHECK(read_with(target, 900).where().place == "entry 899");
        Recorder clean;
        const cxf::Error e = read_with(clean, 900);
        CHECK(e.code() == cxf::Errc::malformed);
        CHECK(e.where().place == "XML line 900");
        CHECK(clean.events.size() == 2 + 1 + 900);  // meta, group, the binary and 900 entries
        CHECK(clean.events.back() == "entry 899");
    }
    SECTION("the target's error in end()") {
        struct FailsAtEnd final : DatabaseVisitor {
            void meta(const Meta&, std::vector<Binary>) override {}
            void binary(Binary) override {}
            void begin_group(const Group&) override {}
            void entry(Entry) override {}
            void end_group(Group) override {}
            void end(Database&) override { throw cxf::Error(cxf::Errc::invalid, {"f", "end"}, "target"); }
        } target;
        CHECK(read_with(target, -1).where().place == "end");
    }
}
