// SPDX-License-Identifier: MIT
// save() with an EntrySource: the entries it hands over are written after each group's own, and the
// file reads back as if the database had held them.
#include <catch2/catch.hpp>

#include <map>

#include "cxf/io/output.h"
#include "tests/kdbx/database_diff.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/kdbx/kitchen_sink.h"

using namespace test::kdbx;

namespace {

// Holds the entries taken out of a database's groups, and gives them back group by group.
class TakenEntries final : public EntrySource {
public:
    // Takes every group's entries but the first `keep` of the root's.
    TakenEntries(Database& db, std::size_t keep) { take(db.root, keep); }

    void entries(const Group& group, const std::function<void(const Entry&)>& write) const override {
        const auto found = taken_.find(&group);
        if (found == taken_.end()) return;
        for (const Entry& e : found->second) write(e);
    }
    bool needs_kdbx41() const override {
        for (const auto& [group, entries] : taken_)
            for (const Entry& e : entries)
                if (cxf::kdbx::needs_kdbx41(e)) return true;
        return false;
    }

    std::vector<Entry>& of(const Group& group) { return taken_.at(&group); }

private:
    void take(Group& g, std::size_t keep) {
        if (g.entries.size() > keep) {
            std::vector<Entry>& out = taken_[&g];
            for (std::size_t i = keep; i < g.entries.size(); ++i) out.push_back(std::move(g.entries[i]));
            g.entries.resize(keep);
        }
        for (Group& child : g.groups) take(child, 0);
    }

    std::map<const Group*, std::vector<Entry>> taken_;
};

// The kitchen sink with a second entry in the root, so that the root keeps one and the source has one.
Database two_in_root() {
    Database db = kitchen_sink(false);
    Entry second;
    second.uuid[0] = 0x42;
    second.strings.push_back(StringField{"Title", cxf::crypto::Secret("second"), false});
    db.root.entries.push_back(std::move(second));
    return db;
}

cxf::crypto::SecureBytes save_with(const Database& skeleton, const EntrySource& more, const SaveSettings& settings) {
    cxf::io::MemoryOutput out;
    save(skeleton, password_key("p"), settings, out, &more);
    return std::move(out.bytes());
}

}  // namespace

TEST_CASE("entries from a source read back as if the database had held them", "[kdbx]") {
    const std::uint16_t major = GENERATE(std::uint16_t{4}, std::uint16_t{3});
    CAPTURE(major);
    const Database whole = two_in_root();
    Database skeleton = two_in_root();
    const TakenEntries source(skeleton, 1);
    CHECK(skeleton.root.entries.size() == 1);

    const SaveSettings settings = cheap_settings(major == 3 ? Kdf::aes_kdf : Kdf::argon2id, Cipher::aes256_cbc, major);
    Database again = open(save_with(skeleton, source, settings), password_key("p"), {}, "saved");
    if (major == 3) {  // as the round-trip test: KDBX 3.1 holds neither of these
        again.public_custom_data = whole.public_custom_data;
        for (std::size_t i = 0; i < again.binaries.size() && i < whole.binaries.size(); ++i)
            again.binaries[i].protect = whole.binaries[i].protect;
    }
    CHECK(database_diff(whole, again) == std::vector<std::string>{});
}

TEST_CASE("a source's entries decide KDBX 4.1 and have their attachments checked", "[kdbx]") {
    Database skeleton = kitchen_sink(false);
    TakenEntries source(skeleton, 0);
    CHECK(save_version(skeleton, cheap_settings(), &source) == FormatVersion{4, 0});
    source.of(skeleton.root).back().quality_check = false;  // KDBX 4.1
    CHECK(save_version(skeleton, cheap_settings()) == FormatVersion{4, 0});
    CHECK(save_version(skeleton, cheap_settings(), &source) == FormatVersion{4, 1});
    CHECK(read_header_info(save_with(skeleton, source, cheap_settings()), "saved").version == FormatVersion{4, 1});

    source.of(skeleton.root).back().binaries.push_back(BinaryRef{"gone", skeleton.binaries.size()});
    const cxf::Error e = error_of([&] { save_with(skeleton, source, cheap_settings()); });
    CHECK(e.code() == cxf::Errc::usage);
    CHECK(std::string(e.what()).find("attachment 'gone'") != std::string::npos);
}
