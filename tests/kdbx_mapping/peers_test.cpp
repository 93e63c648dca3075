// SPDX-License-Identifier: MIT
// Files written at test time by keepassxc-cli 2.7.4 (KDBX 3.1 by `import`, KDBX 4 by `merge`) and by
// pykeepass 4.0.3 (make_peers.sh, peers.py) read back through the "kdbx" format with every value
// the sample put in: logins, URLs, passkey, TOTP, custom fields, attachments, history, groups,
// non-ASCII text.
#include <catch2/catch.hpp>

#include <memory>

#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"
#include "cxf/json/cursor.h"
#include "cxf/json/tape.h"
#include "tests/kdbx_mapping/mapping_support.h"
#include "tests/support/testdata.h"

using namespace test::kdbx_mapping;
using cxf::json::Cursor;

namespace {

struct Peers {
    test::TempDir dir;
    std::string sample_json;
};

// Made once per test run.
const Peers& peers() {
    static std::unique_ptr<Peers> p;
    if (!p) {
        auto made = std::make_unique<Peers>();
        std::string output;
        const int status = run("'" + here("make_peers.sh") + "' '" + made->dir.root().string() + "' 2>&1", &output);
        INFO(output);
        REQUIRE(status == 0);
        REQUIRE(run("/usr/bin/python3 '" + here("peers.py") + "' sample", &made->sample_json) == 0);
        p = std::move(made);
    }
    return *p;
}

std::string text(const Cursor& c, std::string_view key) { return std::string(c.find(key)->string()); }

std::vector<std::string> strings(const Cursor& array) {
    std::vector<std::string> out;
    for (const Cursor e : array.elements()) out.emplace_back(e.string());
    return out;
}

// The path of the collection that links `id` ("" when none), as "A/B".
std::string collection_path(const std::vector<cxf::Collection>& cs, const cxf::Id& id, const std::string& base = "") {
    for (const cxf::Collection& c : cs) {
        const std::string path = base.empty() ? c.title : base + "/" + c.title;
        for (const cxf::LinkedItem& l : c.items)
            if (l.item == id) return path;
        if (std::string found = collection_path(c.sub_collections, id, path); !found.empty()) return found;
    }
    return "";
}

void check_entry(const cxf::Vault& vault, const Cursor& e) {
    const std::string title = text(e, "title");
    CAPTURE(title);
    const cxf::Item& i = item(vault, title);
    CHECK(cxf::encoding::hex_encode(i.id) == text(e, "uuid"));
    CHECK(collection_path(vault.accounts[0].collections, i.id) == text(e, "group"));
    CHECK(i.tags == strings(*e.find("tags")));

    const cxf::BasicAuth* auth = first<cxf::BasicAuth>(i);
    const std::string user = text(e, "username"), password = text(e, "password");
    CHECK((auth ? value(auth->username) : "<absent>") == (user.empty() ? "<absent>" : user));
    CHECK((auth ? value(auth->password) : "<absent>") == (password.empty() ? "<absent>" : password));
    const cxf::Note* note = first<cxf::Note>(i);
    const std::string notes = text(e, "notes");
    CHECK((note ? value(note->content) : "<absent>") == (notes.empty() ? "<absent>" : notes));

    const Cursor expect = *e.find("expect");
    CHECK((i.scope ? i.scope->urls : std::vector<std::string>{}) == strings(*expect.find("urls")));

    if (const auto t = expect.find("totp")) {
        REQUIRE(all<cxf::Totp>(i).size() == 1);
        const cxf::Totp& totp = *first<cxf::Totp>(i);
        CHECK(totp.secret.view() == text(*t, "secret"));
        CHECK(totp.period == t->find("period")->uint64());
        CHECK(totp.digits == t->find("digits")->uint64());
        CHECK(totp.algorithm == text(*t, "algorithm"));
        if (t->find("issuer")) CHECK(totp.issuer == text(*t, "issuer"));
        if (t->find("username")) CHECK(totp.username == text(*t, "username"));
    } else {
        CHECK(all<cxf::Totp>(i).empty());
    }
    if (const auto p = expect.find("passkey")) {
        REQUIRE(all<cxf::Passkey>(i).size() == 1);
        const cxf::Passkey& passkey = *first<cxf::Passkey>(i);
        CHECK(passkey.rp_id == text(*p, "rpId"));
        CHECK(passkey.username == text(*p, "username"));
        CHECK(cxf::encoding::base64url_encode(passkey.credential_id) == text(*p, "credentialId"));
        CHECK(cxf::encoding::base64url_encode(passkey.user_handle) == text(*p, "userHandle"));
        const auto der = cxf::crypto::pkcs8_pem_to_der(text(*p, "pem"));
        REQUIRE(der);
        CHECK(cxf::crypto::equal_ct(*der, passkey.key));
    } else {
        CHECK(all<cxf::Passkey>(i).empty());
    }

    std::vector<std::tuple<std::string, std::string, bool>> wanted, got;
    for (const Cursor c : expect.find("custom")->elements()) {
        auto it = c.elements().begin();
        std::string label((*it).string());
        std::string v((*++it).string());
        wanted.emplace_back(std::move(label), std::move(v), (*++it).boolean());
    }
    for (const cxf::CustomFields* c : all<cxf::CustomFields>(i))
        for (const cxf::EditableField& f : c->fields)
            got.emplace_back(f.label.value_or(""), std::string(f.value.view()), f.type == cxf::FieldType::concealed_string);
    std::sort(wanted.begin(), wanted.end());
    std::sort(got.begin(), got.end());
    CHECK(got == wanted);

    std::map<std::string, std::string> attachments;
    for (const cxf::File* f : all<cxf::File>(i)) {
        REQUIRE(f->data);
        attachments[f->name] = std::string(cxf::as_text(*f->data));
    }
    std::map<std::string, std::string> expected_attachments;
    for (const auto m : e.find("attachments")->members()) {
        const auto bytes = cxf::encoding::base64_decode(m.value.string());
        expected_attachments[std::string(m.key)] = std::string(bytes->begin(), bytes->end());
    }
    CHECK(attachments == expected_attachments);

    const Cursor history = *e.find("history");
    REQUIRE(i.history.size() == history.size());
    std::size_t k = 0;
    for (const Cursor old : history.elements()) {
        CHECK(value(first<cxf::BasicAuth>(i.history[k])->password) == text(old, "password"));
        ++k;
    }
}

}  // namespace

TEST_CASE("files keepassxc-cli and pykeepass write are read with every value in place", "[kdbx-mapping]") {
    const Peers& p = peers();
    cxf::json::Tape tape;
    cxf::json::parse(p.sample_json, "sample", {}, tape);
    const std::string base;
    const Cursor sample(tape, 0, base);
    for (const char* file : {"keepassxc-31.kdbx", "keepassxc-4.kdbx", "pykeepass.kdbx"}) {
        CAPTURE(file);
        const cxf::Input input = cxf::io::read_input(p.dir.path(file), {});
        cxf::Report report;
        const cxf::Vault vault = kdbx_format().read(input, password_options("peer-pw"), report);
        const std::string version = kdbx_format().describe(input, {}).front().value;
        CHECK(version == (std::string_view(file) == "keepassxc-31.kdbx" ? "KDBX 3.1" : "KDBX 4.0"));
        CHECK(item_count(vault) == sample.find("entries")->size());
        CHECK(collection_count(vault) == sample.find("groups")->size());
        CHECK(report.count(cxf::NoticeKind::changed) == 0);
        for (const Cursor e : sample.find("entries")->elements()) check_entry(vault, e);
    }
}
