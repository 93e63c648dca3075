// SPDX-License-Identifier: MIT
// Helpers for the KDBX tests: fixtures and keys, cheap save settings, lookups, caught errors.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/error.h"
#include "cxf/kdbx/kdbx.h"

namespace test::kdbx {

using namespace cxf::kdbx;

cxf::Bytes read_file(const std::string& path);
void write_file(const std::string& path, cxf::ByteView bytes);

// A file under testdata/kdbx/.
cxf::Bytes fixture(std::string_view relative);

struct Credentials {
    std::optional<std::string> password;  // nullopt: no password ("" is the empty password)
    std::optional<std::string> key_file;  // relative to testdata/kdbx/
};
CompositeKey key_for(const Credentials& credentials);
CompositeKey password_key(std::string_view password);

Database open_fixture(std::string_view relative, const Credentials& credentials, const cxf::Limits& limits = {});

// Settings whose KDF costs a few milliseconds, for files the tests write.
SaveSettings cheap_settings(Kdf kdf = Kdf::argon2id, Cipher cipher = Cipher::aes256_cbc, std::uint16_t major = 4);

// Counted the way the fixtures' README does: groups include the root, entries exclude history
// items, attachments are references (history included).
struct Counts {
    std::size_t groups = 0, entries = 0, history = 0, attachments = 0;
    bool operator==(const Counts&) const = default;
};
Counts count(const Database& db);
std::string to_string(const Counts& counts);

// The first entry (depth first, history excluded) with this title, or a test failure.
const Entry& entry(const Database& db, std::string_view title);
const Group& group(const Database& db, std::string_view name);
// The value of a string field; fails the test when the entry has no such field.
std::string value(const Entry& e, std::string_view key);
bool is_protected(const Entry& e, std::string_view key);
std::string attachment_text(const Database& db, const Entry& e, std::string_view name);

// Runs `f` and returns the cxf::Error it throws; fails the test when it throws nothing.
cxf::Error error_of(const std::function<void()>& f);

// Runs a shell command; returns its exit status and puts its standard output in `out`.
int run(const std::string& command, std::string* out = nullptr);
// Absolute path of a file in tests/kdbx/.
std::string here(std::string_view relative);

}  // namespace test::kdbx
