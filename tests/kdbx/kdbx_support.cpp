// SPDX-License-Identifier: MIT
// Fixture access, keys, lookups and process helpers for the KDBX tests.
#include "tests/kdbx/kdbx_support.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "tests/support/testdata.h"

namespace test::kdbx {

cxf::Bytes read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    return cxf::Bytes(text.begin(), text.end());
}

void write_file(const std::string& path, cxf::ByteView bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

cxf::Bytes fixture(std::string_view relative) { return read_file(testdata("kdbx/" + std::string(relative))); }

CompositeKey key_for(const Credentials& credentials) {
    std::optional<cxf::crypto::Secret> password;
    if (credentials.password) password.emplace(*credentials.password);
    std::optional<cxf::Bytes> key_file;
    if (credentials.key_file) key_file = fixture(*credentials.key_file);
    return make_composite_key(password ? &*password : nullptr,
                              key_file ? std::optional<cxf::ByteView>(*key_file) : std::nullopt,
                              credentials.key_file.value_or(""));
}

CompositeKey password_key(std::string_view password) { return key_for({std::string(password), {}}); }

Database open_fixture(std::string_view relative, const Credentials& credentials, const cxf::Limits& limits) {
    return open(fixture(relative), key_for(credentials), limits, std::string(relative));
}

SaveSettings cheap_settings(Kdf kdf, Cipher cipher, std::uint16_t major) {
    SaveSettings s;
    s.major_version = major;
    s.cipher = cipher;
    s.kdf = KdfParameters{};
    s.kdf.kdf = kdf;
    if (kdf == Kdf::aes_kdf) {
        s.kdf.rounds = 1000;
    } else {
        s.kdf.memory_bytes = 1 << 20;
        s.kdf.iterations = 1;
        s.kdf.parallelism = 2;
    }
    return s;
}

namespace {

void count_group(const Group& g, Counts& c) {
    ++c.groups;
    for (const Entry& e : g.entries) {
        ++c.entries;
        c.history += e.history.size();
        c.attachments += e.binaries.size();
        for (const Entry& h : e.history) c.attachments += h.binaries.size();
    }
    for (const Group& child : g.groups) count_group(child, c);
}

const Entry* find_entry(const Group& g, std::string_view title) {
    for (const Entry& e : g.entries)
        if (const StringField* t = e.find("Title"); t && t->value.view() == title) return &e;
    for (const Group& child : g.groups)
        if (const Entry* e = find_entry(child, title)) return e;
    return nullptr;
}

const Group* find_group(const Group& g, std::string_view name) {
    if (g.name == name) return &g;
    for (const Group& child : g.groups)
        if (const Group* found = find_group(child, name)) return found;
    return nullptr;
}

}  // namespace

Counts count(const Database& db) {
    Counts c;
    count_group(db.root, c);
    return c;
}

std::string to_string(const Counts& c) {
    return std::to_string(c.groups) + "g/" + std::to_string(c.entries) + "e/" + std::to_string(c.history) + "h/" +
           std::to_string(c.attachments) + "a";
}

const Entry& entry(const Database& db, std::string_view title) {
    const Entry* e = find_entry(db.root, title);
    INFO("entry titled '" << title << "'");
    REQUIRE(e != nullptr);
    return *e;
}

const Group& group(const Database& db, std::string_view name) {
    const Group* g = find_group(db.root, name);
    INFO("group named '" << name << "'");
    REQUIRE(g != nullptr);
    return *g;
}

std::string value(const Entry& e, std::string_view key) {
    const StringField* field = e.find(key);
    INFO("string field '" << key << "'");
    REQUIRE(field != nullptr);
    return std::string(field->value.view());
}

bool is_protected(const Entry& e, std::string_view key) {
    const StringField* field = e.find(key);
    INFO("string field '" << key << "'");
    REQUIRE(field != nullptr);
    return field->protect;
}

std::string attachment_text(const Database& db, const Entry& e, std::string_view name) {
    for (const BinaryRef& ref : e.binaries) {
        if (ref.key != name) continue;
        REQUIRE(ref.index < db.binaries.size());
        return std::string(cxf::as_text(db.binaries[ref.index].data));
    }
    FAIL("no attachment named '" << name << "'");
    return {};
}

cxf::Error error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const cxf::Error& e) {
        return e;
    }
    FAIL("expected a cxf::Error, but nothing was thrown");
    return cxf::Error(cxf::Errc::io, {}, "unreachable");
}

int run(const std::string& command, std::string* out) {
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string text;
    std::array<char, 4096> buffer;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
    const int status = pclose(pipe);
    if (out) *out = std::move(text);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string here(std::string_view relative) {
    return (std::filesystem::path(CXF_TESTDATA_DIR).parent_path() / "tests" / "kdbx" / relative).string();
}

}  // namespace test::kdbx
