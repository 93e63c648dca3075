// SPDX-License-Identifier: MIT
// Files cxf writes (KDBX 4 with AES or ChaCha20, KDBX 3.1, key file alone) open in keepassxc-cli 2.7.4
// and pykeepass 4.0.3 with every string, protection flag, tag, group, time, history entry and
// attachment as cxf wrote them; keepassxc-cli computes the TOTP and exports the attachments.
#include <catch2/catch.hpp>

#include <ctime>
#include <functional>
#include <set>

#include <openssl/hmac.h>

#include "cxf/encoding/base64.h"
#include "cxf/io/file.h"
#include "cxf/json/cursor.h"
#include "cxf/json/tape.h"
#include "tests/cli/cli_run.h"
#include "tests/kdbx_mapping/mapping_support.h"
#include "tests/support/testdata.h"

using namespace test::kdbx_mapping;
using cxf::json::Cursor;

namespace {

struct Flat {
    std::string uuid, title, group;
    std::vector<std::int64_t> times;
    std::vector<std::string> tags;
    std::vector<std::tuple<std::string, std::string, bool>> strings;
    std::map<std::string, std::optional<std::string>> attachments;
    std::vector<std::pair<std::string, std::string>> custom_data;
    std::vector<Flat> history;
};

std::string hex(const cxf::kdbx::Uuid& u) { return cxf::encoding::hex_encode(u); }

Flat flatten(const cxf::kdbx::Database& db, const cxf::kdbx::Entry& e, const std::string& group) {
    Flat f;
    f.uuid = hex(e.uuid);
    f.group = group;
    f.times = {e.times.creation.to_unix(), e.times.last_modification.to_unix()};
    f.tags = e.tags;
    for (const auto& s : e.strings) {
        if (s.key == "Title") f.title = std::string(s.value.view());
        f.strings.emplace_back(s.key, std::string(s.value.view()), s.protect);
    }
    for (const auto& b : e.binaries) f.attachments[b.key] = std::string(cxf::as_text(db.binaries[b.index].data));
    for (const auto& d : e.custom_data) f.custom_data.emplace_back(d.key, d.value);
    for (const auto& h : e.history) f.history.push_back(flatten(db, h, group));
    return f;
}

void flatten(const cxf::kdbx::Database& db, const cxf::kdbx::Group& g, const std::string& path, std::vector<Flat>& entries,
             std::set<std::string>& groups) {
    for (const auto& e : g.entries) entries.push_back(flatten(db, e, path));
    for (const auto& c : g.groups) {
        const std::string child = path.empty() ? c.name : path + "/" + c.name;
        groups.insert(child);
        flatten(db, c, child, entries, groups);
    }
}

Flat flatten(const Cursor& e) {
    Flat f;
    f.uuid = std::string(e.find("uuid")->string());
    f.title = std::string(e.find("title")->string());
    f.group = std::string(e.find("group")->string());
    for (const Cursor t : e.find("times")->elements()) f.times.push_back(t.is(cxf::json::Kind::int64) ? t.int64() : static_cast<std::int64_t>(t.uint64()));
    for (const Cursor t : e.find("tags")->elements()) f.tags.emplace_back(t.string());
    for (const Cursor s : e.find("strings")->elements()) {
        auto it = s.elements().begin();
        std::string key((*it).string());
        std::string value((*++it).string());
        f.strings.emplace_back(std::move(key), std::move(value), (*++it).boolean());
    }
    for (const auto m : e.find("attachments")->members()) {
        if (m.value.is_null()) {
            f.attachments[std::string(m.key)] = std::nullopt;
        } else {
            const auto bytes = cxf::encoding::base64_decode(m.value.string());
            f.attachments[std::string(m.key)] = std::string(bytes->begin(), bytes->end());
        }
    }
    for (const Cursor d : e.find("custom_data")->elements()) {
        auto it = d.elements().begin();
        std::string key((*it).string());
        f.custom_data.emplace_back(std::move(key), std::string((*++it).string()));
    }
    for (const Cursor h : e.find("history")->elements()) f.history.push_back(flatten(h));
    return f;
}

// KeePassXC sorts an entry's strings by key and its tags by name, stamps the entries it loads with
// its own CustomData "_LAST_MODIFIED", and its export names attachments without their bytes.
void loosen(Flat& f, bool names_only) {
    std::sort(f.strings.begin(), f.strings.end());
    std::sort(f.tags.begin(), f.tags.end());
    std::erase_if(f.custom_data, [](const auto& item) { return item.first == "_LAST_MODIFIED"; });
    if (names_only)
        for (auto& [name, bytes] : f.attachments) bytes.reset();
    for (Flat& h : f.history) loosen(h, names_only);
}

void check_same(Flat expected, Flat got, bool keepassxc) {
    CAPTURE(expected.title);
    if (keepassxc) {
        loosen(expected, true);
        loosen(got, true);
    }
    std::sort(expected.tags.begin(), expected.tags.end());
    std::sort(got.tags.begin(), got.tags.end());
    CHECK(got.title == expected.title);
    CHECK(got.group == expected.group);
    CHECK(got.times == expected.times);
    CHECK(got.tags == expected.tags);
    CHECK(got.strings == expected.strings);
    CHECK(got.attachments == expected.attachments);
    CHECK(got.custom_data == expected.custom_data);
    REQUIRE(got.history.size() == expected.history.size());
    for (std::size_t i = 0; i < got.history.size(); ++i) check_same(expected.history[i], got.history[i], false);
}

// RFC 6238 with HMAC-SHA-1.
std::string totp_code(std::string_view base32, std::int64_t when, unsigned period, unsigned digits) {
    const auto key = cxf::encoding::base32_decode(base32);
    std::uint8_t counter[8];
    auto step = static_cast<std::uint64_t>(when) / period;
    for (int i = 7; i >= 0; --i, step >>= 8) counter[i] = static_cast<std::uint8_t>(step & 0xFF);
    std::uint8_t mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha1(), key->data(), static_cast<int>(key->size()), counter, sizeof counter, mac, &length);
    const unsigned offset = mac[length - 1] & 0x0F;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) | (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::uint32_t modulo = 1;
    for (unsigned i = 0; i < digits; ++i) modulo *= 10;
    std::string code = std::to_string(binary % modulo);
    return std::string(digits - code.size(), '0') + code;
}

using cxf::kdbx::Cipher;
using cxf::kdbx::Kdf;

cxf::kdbx::SaveSettings uncompressed(cxf::kdbx::SaveSettings s) {
    s.compression = cxf::kdbx::Compression::none;
    return s;
}

struct Written {
    std::string file;
    cxf::kdbx::SaveSettings settings;
    bool key_file_only = false;
    const char* version;
};

}  // namespace

TEST_CASE("files cxf writes open in keepassxc-cli and pykeepass with everything in place", "[kdbx-mapping]") {
    test::TempDir dir;
    const std::string key_file = dir.path("key.keyx");
    test::write_file(key_file, "not a KeePass XML key file, so its SHA-256 is the key\n");
    const cxf::Vault vault = kdbx_sink();
    const Written files[] = {
        {"aes-argon2id.kdbx", test::kdbx::cheap_settings(), false, "4.0"},
        {"chacha20-argon2d.kdbx", test::kdbx::cheap_settings(Kdf::argon2d, Cipher::chacha20), false, "4.0"},
        {"kdbx31.kdbx", cheap_version("3.1"), false, "3.1"},
        {"key-file-only.kdbx", uncompressed(test::kdbx::cheap_settings()), true, "4.0"},
    };
    for (const Written& w : files) {
        CAPTURE(w.file);
        const std::string path = dir.path(w.file);
        cxf::WriteOptions options = cheap_write_options("our-pw", w.settings);
        if (w.key_file_only) {
            options.kdbx.no_password = true;
            options.key_file = cxf::io::read_input(key_file, {});
        }
        cxf::Report report;
        {
            cxf::io::AtomicFile out(path, true);
            kdbx_format().write(vault, out, options, report);
            out.commit();
        }
        // What cxf wrote, as cxf reads it back.
        const cxf::Input input = cxf::io::read_input(path, {});
        const cxf::crypto::Secret pw("our-pw");
        const cxf::Input key = cxf::io::read_input(key_file, {});
        const cxf::kdbx::Database db = cxf::kdbx::open(
            input.bytes, cxf::kdbx::make_composite_key(w.key_file_only ? nullptr : &pw, w.key_file_only ? std::optional<cxf::ByteView>(key.bytes) : std::nullopt),
            {}, path);
        std::vector<Flat> expected;
        std::set<std::string> groups;
        flatten(db, db.root, "", expected, groups);
        REQUIRE(expected.size() == 6);

        const std::string key_args = w.key_file_only ? " --no-password -k '" + key_file + "'" : "";
        const std::string stdin_pw = w.key_file_only ? "" : "printf 'our-pw\\n' | ";
        const auto by_uuid = [&](const std::vector<Flat>& list, const std::string& uuid) -> const Flat* {
            for (const Flat& f : list)
                if (f.uuid == uuid) return &f;
            return nullptr;
        };

        // pykeepass: every value, in the file's order, with the attachment bytes.
        std::string dump;
        REQUIRE(run("/usr/bin/python3 '" + here("peers.py") + "' dump '" + path + "' " + (w.key_file_only ? "- '" + key_file + "'" : "our-pw"),
                    &dump) == 0);
        cxf::json::Tape tape;
        cxf::json::parse(dump, "pykeepass dump", {}, tape);
        const std::string base;
        const Cursor root(tape, 0, base);
        CHECK(root.find("version")->string() == w.version);
        std::set<std::string> py_groups;
        for (const Cursor g : root.find("groups")->elements()) py_groups.emplace(g.string());
        CHECK(py_groups == groups);
        std::vector<Flat> py;
        for (const Cursor e : root.find("entries")->elements()) py.push_back(flatten(e));
        CHECK(py.size() == expected.size());
        for (const Flat& e : expected) {
            const Flat* got = by_uuid(py, e.uuid);
            REQUIRE(got);
            check_same(e, *got, false);
        }

        // keepassxc-cli: its XML export (strings, protection, tags, groups, times, history), the tree,
        // the attachments, a passkey attribute and the TOTP code.
        const std::string xml = dir.path(std::string(w.file) + ".xml");
        REQUIRE(run(stdin_pw + "keepassxc-cli export -q -f xml" + key_args + " '" + path + "' > '" + xml + "'") == 0);
        REQUIRE(run("/usr/bin/python3 '" + here("peers.py") + "' dump-xml '" + xml + "'", &dump) == 0);
        cxf::json::Tape xml_tape;
        cxf::json::parse(dump, "keepassxc export", {}, xml_tape);
        const Cursor exported(xml_tape, 0, base);
        std::set<std::string> kxc_groups;
        for (const Cursor g : exported.find("groups")->elements()) kxc_groups.emplace(g.string());
        CHECK(kxc_groups == groups);
        std::size_t seen = 0;
        for (const Cursor e : exported.find("entries")->elements()) {
            const Flat got = flatten(e);
            const Flat* want = by_uuid(expected, got.uuid);
            REQUIRE(want);
            check_same(*want, got, true);
            ++seen;
        }
        CHECK(seen == expected.size());

        std::string listing;
        REQUIRE(run(stdin_pw + "keepassxc-cli ls -q -R -f" + key_args + " '" + path + "'", &listing) == 0);
        std::set<std::string> listed, wanted;
        for (std::size_t at = 0; at < listing.size();) {
            const std::size_t end = listing.find('\n', at);
            listed.insert(listing.substr(at, end - at));
            at = end == std::string::npos ? listing.size() : end + 1;
        }
        for (const std::string& g : groups) wanted.insert(g + "/");
        for (const Flat& e : expected) wanted.insert(e.group.empty() ? e.title : e.group + "/" + e.title);
        CHECK(listed == wanted);

        for (const Flat& e : expected) {
            for (const auto& [name, bytes] : e.attachments) {
                const std::string out = dir.path("attachment.bin");
                REQUIRE(run(stdin_pw + "keepassxc-cli attachment-export -q" + key_args + " '" + path + "' '" + e.group + "/" + e.title +
                            "' '" + name + "' '" + out + "'") == 0);
                CHECK(test::read_text(out) == *bytes);
            }
        }
        std::string rp;
        REQUIRE(run(stdin_pw + "keepassxc-cli show -q -a KPEX_PASSKEY_RELYING_PARTY" + key_args + " '" + path +
                        "' 'Wörk/Sub/Plain passkey'",
                    &rp) == 0);
        CHECK(rp == "example.com\n");
        std::string code;
        const std::int64_t before = std::time(nullptr);
        REQUIRE(run(stdin_pw + "keepassxc-cli show -q --totp" + key_args + " '" + path + "' 'Wörk/Ëverything twice'", &code) == 0);
        const std::int64_t after = std::time(nullptr);
        const std::string shown = code.substr(0, code.find('\n'));
        CHECK((shown == totp_code("JBSWY3DPEHPK3PXP", before, 30, 6) || shown == totp_code("JBSWY3DPEHPK3PXP", after, 30, 6)));
    }
}
