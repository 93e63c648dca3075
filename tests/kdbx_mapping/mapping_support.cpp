// SPDX-License-Identifier: MIT
#include "tests/kdbx_mapping/mapping_support.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <functional>

#include <openssl/evp.h>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/formats/registry.h"
#include "tests/kdbx_mapping/kdbx_sink.h"
#include "tests/support/testdata.h"

namespace test::kdbx_mapping {

namespace {


std::vector<Fixture> make_fixtures() {
    const auto pw = [](const char* p) { return std::optional<std::string>(p); };
    const std::optional<std::string> no;
    return {
        {"pykeepass/test3.kdbx", pw("password"), "pykeepass/test3.key"},
        {"pykeepass/test3_transformed.kdbx", pw("password"), "pykeepass/test3.key"},
        {"pykeepass/test4.kdbx", pw("password"), "pykeepass/test4.key"},
        {"pykeepass/test4_aes.kdbx", pw("password"), "pykeepass/test4.key"},
        {"pykeepass/test4_aeskdf.kdbx", pw("password"), "pykeepass/test4.key"},
        {"pykeepass/test4_chacha20.kdbx", pw("password"), "pykeepass/test4.key"},
        {"pykeepass/test4_twofish.kdbx", pw("password"), "pykeepass/test4.key"},
        {"pykeepass/test4_argon2id.kdbx", pw("password"), no},
        {"pykeepass/test4_blankpass.kdbx", pw(""), "pykeepass/test4.key"},
        {"pykeepass/test4_hex.kdbx", pw("password"), "pykeepass/test4_hex.key"},
        {"pykeepass/test4_keyx.kdbx", pw("password"), "pykeepass/test4_keyx.keyx"},
        {"pykeepass/test4_chacha20_uncompressed.kdbx", pw("password"), no},
        {"pykeepass/test4_aes_uncompressed.kdbx", pw("password"), no},
        {"pykeepass/extra_content.kdbx", pw("password"), no},
        {"kdbxweb/demo.kdbx", pw("demo"), "kdbxweb/demo.key"},
        {"kdbxweb/Argon2.kdbx", pw("demo"), "kdbxweb/demo.key"},
        {"kdbxweb/Argon2id.kdbx", pw("demo"), "kdbxweb/demo.key"},
        {"kdbxweb/Argon2ChaCha.kdbx", pw("demo"), "kdbxweb/demo.key"},
        {"kdbxweb/AesChaCha.kdbx", pw("demo"), "kdbxweb/demo.key"},
        {"kdbxweb/KDBX4.1.kdbx", pw("test"), no},
        {"kdbxweb/Key32.kdbx", pw("test"), "kdbxweb/Key32.key"},
        {"kdbxweb/Key64.kdbx", pw("test"), "kdbxweb/Key64.key"},
        {"kdbxweb/KeyV2.kdbx", no, "kdbxweb/KeyV2.keyx"},
        {"kdbxweb/KeyWithBom.kdbx", pw("test"), "kdbxweb/KeyWithBom.key"},
        {"kdbxweb/EmptyPass.kdbx", pw(""), no},
        {"kdbxweb/EmptyPassWithKeyFile.kdbx", pw(""), "kdbxweb/EmptyPassWithKeyFile.key"},
        {"kdbxweb/NoPassWithKeyFile.kdbx", no, "kdbxweb/NoPassWithKeyFile.key"},
        {"kdbxweb/cyrillic.kdbx", pw("пароль"), no},
        {"kdbxweb/binkey.kdbx", pw("test"), "kdbxweb/binkey.key"},
        {"keepass-rs/test_db_with_password.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_with_keyfile.kdbx", no, "keepass-rs/test_key.key"},
        {"keepass-rs/test_db_with_keyfile_xml.kdbx", no, "keepass-rs/test_key_xml.key"},
        {"keepass-rs/test_db_kdbx4_with_password_aes.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx4_with_password_argon2.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx4_with_password_argon2id.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx4_with_password_argon2_chacha20.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx4_with_password_argon2id_chacha20.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx4_with_password_argon2_twofish.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx4_with_keyfile.kdbx", no, "keepass-rs/test_key.key"},
        {"keepass-rs/test_db_kdbx4_with_keyfile_v2.kdbx", pw("demopass"), "keepass-rs/test_db_kdbx4_with_keyfile_v2.keyx"},
        {"keepass-rs/test_db_kdbx4_with_password_deleted_entry.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx41_with_password_aes.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx41_features.kdbx", pw("demopass"), no},
        {"keepass-rs/test_db_kdbx4_with_totp_entry.kdbx", pw("test"), no},
        {"keepass-rs/test_db_kdbx4_with_totp_sha512_entry.kdbx", pw("test"), no},
        {"keepass-rs/test_db_kdbx3_with_chacha20_protected_fields.kdbx", pw("password"), no},
        {"keepassxc/Format200.kdbx", pw("a"), no},
        {"keepassxc/Format300.kdbx", pw("a"), no},
        {"keepassxc/Format400.kdbx", pw("t"), no},
        {"keepassxc/NewDatabase.kdbx", pw("a"), no},
        {"keepassxc/Compressed.kdbx", pw(""), no},
        {"keepassxc/ProtectedStrings.kdbx", pw("masterpw"), no},
        {"keepassxc/NonAscii.kdbx", pw("Δöض"), no},
        {"keepassxc/FileKeyBinary.kdbx", no, "keepassxc/FileKeyBinary.key"},
        {"keepassxc/FileKeyHashed.kdbx", no, "keepassxc/FileKeyHashed.key"},
        {"keepassxc/FileKeyHex.kdbx", no, "keepassxc/FileKeyHex.key"},
        {"keepassxc/FileKeyXml.kdbx", no, "keepassxc/FileKeyXml.key"},
        {"keepassxc/FileKeyXmlV2.kdbx", no, "keepassxc/FileKeyXmlV2.keyx"},
        {"keepassxc/KeyFileProtected.kdbx", pw("a"), "keepassxc/KeyFileProtected.key"},
        {"keepassxc/KeyFileProtectedNoPassword.kdbx", no, "keepassxc/KeyFileProtectedNoPassword.key"},
        {"keepassxc/RecycleBinWithData.kdbx", pw("123"), no},
        {"generated/passkeys-pykeepass.kdbx", pw("passkey-test"), no},
        {"generated/passkeys-keepassxc-resaved.kdbx", pw("passkey-test"), no},
    };
}

void count_items(const std::vector<cxf::Item>& items, const std::function<void(const cxf::Item&)>& f) {
    for (const cxf::Item& i : items) f(i);
}

void attach(cxf::File& file, std::string_view content) {
    file.data = cxf::crypto::secure_copy(cxf::as_bytes(content));
    file.decrypted_size = content.size();
    file.integrity_hash.resize(32);
    unsigned int length = 0;
    EVP_Digest(content.data(), content.size(), file.integrity_hash.data(), &length, EVP_sha256(), nullptr);
}

std::size_t collections_in(const std::vector<cxf::Collection>& cs) {
    std::size_t n = cs.size();
    for (const cxf::Collection& c : cs) n += collections_in(c.sub_collections);
    return n;
}

}  // namespace

const std::vector<Fixture>& fixtures() {
    static const std::vector<Fixture> all = make_fixtures();
    return all;
}

const Fixture& fixture(std::string_view file) {
    for (const Fixture& f : fixtures())
        if (f.file == file) return f;
    FAIL("no fixture " << file);
    throw std::logic_error("unreachable");
}

const cxf::Format& kdbx_format() {
    const cxf::Format* f = cxf::find_format("kdbx");
    REQUIRE(f);
    return *f;
}

cxf::ReadOptions read_options(const Fixture& f) {
    cxf::ReadOptions o;
    if (f.password) {
        const std::string password = *f.password;
        o.password = [password] { return cxf::crypto::Secret(password); };
    } else {
        o.kdbx.no_password = true;
    }
    if (f.key_file) o.key_file = test::read_testdata("kdbx/" + *f.key_file);
    o.limits.max_kdf_iterations = 1000;
    return o;
}

cxf::ReadOptions password_options(std::string password) {
    cxf::ReadOptions o;
    o.password = [password] { return cxf::crypto::Secret(password); };
    return o;
}

cxf::Vault read(const Fixture& f, cxf::Report& report) {
    const cxf::Input input = test::read_testdata("kdbx/" + f.file);
    return kdbx_format().read(input, read_options(f), report);
}

const Read& read_once(const Fixture& f) {
    static std::map<std::string, Read> cache;
    if (const auto found = cache.find(f.file); found != cache.end()) return found->second;
    Read r;
    r.vault = read(f, r.report);
    return cache.emplace(f.file, std::move(r)).first->second;
}

const cxf::kdbx::Database& database(const Fixture& f) {
    static std::map<std::string, cxf::kdbx::Database> cache;
    if (const auto found = cache.find(f.file); found != cache.end()) return found->second;
    const cxf::Input input = test::read_testdata("kdbx/" + f.file);
    std::optional<cxf::Input> key;
    if (f.key_file) key = test::read_testdata("kdbx/" + *f.key_file);
    std::optional<cxf::crypto::Secret> password;
    if (f.password) password.emplace(*f.password);
    const cxf::kdbx::CompositeKey composite = cxf::kdbx::make_composite_key(
        password ? &*password : nullptr, key ? std::optional<cxf::ByteView>(key->bytes) : std::nullopt);
    cxf::Limits limits;
    limits.max_kdf_iterations = 1000;
    return cache.emplace(f.file, cxf::kdbx::open(input.bytes, composite, limits, f.file)).first->second;
}

cxf::WriteOptions cheap_write_options(std::string password, cxf::kdbx::SaveSettings save) {
    cxf::WriteOptions o;
    o.password = [password] { return cxf::crypto::Secret(password); };
    o.kdbx.save = save;
    return o;
}

cxf::kdbx::SaveSettings cheap_version(std::string_view version) {
    using namespace cxf::kdbx;
    return version == "3.1" ? test::kdbx::cheap_settings(Kdf::aes_kdf, Cipher::aes256_cbc, 3) : test::kdbx::cheap_settings();
}

cxf::Vault kdbx_sink() {
    cxf::Report report;
    cxf::Vault v = cxf::cxf_json::read(kdbx_sink_cxf, "sink", {}, report);
    std::function<void(cxf::Item&)> fill = [&](cxf::Item& item) {
        int n = 0;
        for (cxf::Credential& c : item.credentials)
            if (auto* f = std::get_if<cxf::File>(&c); f && f->integrity_hash.empty())
                attach(*f, n++ == 1 ? std::string_view("second\0bytes", 12) : std::string_view("shared bytes ✓\n"));
        for (cxf::Item& old : item.history) fill(old);
    };
    for (cxf::Account& a : v.accounts)
        for (cxf::Item& i : a.items) fill(i);
    return v;
}

const cxf::Item& item(const cxf::Vault& vault, std::string_view title) {
    for (const cxf::Account& a : vault.accounts)
        for (const cxf::Item& i : a.items)
            if (i.title == title) return i;
    FAIL("no item titled '" << title << "'");
    throw std::logic_error("unreachable");
}

std::string custom(const cxf::Item& item, std::string_view label) {
    for (const cxf::CustomFields* c : all<cxf::CustomFields>(item))
        for (const cxf::EditableField& f : c->fields)
            if (f.label == label) return std::string(f.value.view());
    return "<absent>";
}

std::size_t item_count(const cxf::Vault& vault) {
    std::size_t n = 0;
    for (const cxf::Account& a : vault.accounts) n += a.items.size();
    return n;
}

std::size_t history_count(const cxf::Vault& vault) {
    std::size_t n = 0;
    for (const cxf::Account& a : vault.accounts) count_items(a.items, [&](const cxf::Item& i) { n += i.history.size(); });
    return n;
}

std::size_t attachment_count(const cxf::Vault& vault) {
    std::size_t n = 0;
    const auto files = [&](const cxf::Item& i) { n += all<cxf::File>(i).size(); };
    for (const cxf::Account& a : vault.accounts)
        count_items(a.items, [&](const cxf::Item& i) {
            files(i);
            count_items(i.history, files);
        });
    return n;
}

std::size_t collection_count(const cxf::Vault& vault) {
    std::size_t n = 0;
    for (const cxf::Account& a : vault.accounts) n += collections_in(a.collections);
    return n;
}

int run(const std::string& command, std::string* out) {
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    std::string text;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    if (out) *out = std::move(text);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string here(std::string_view relative) {
    return (std::filesystem::path(CXF_TESTDATA_DIR).parent_path() / "tests" / "kdbx_mapping" / relative).string();
}

}  // namespace test::kdbx_mapping
