// SPDX-License-Identifier: MIT
// KeePass KDBX 3.1 and 4.x files ↔ the KDBX object model (cxf/kdbx/database.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/io/input.h"
#include "cxf/io/output.h"
#include "cxf/kdbx/database.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::kdbx {

struct FormatVersion {
    std::uint16_t major = 4;
    std::uint16_t minor = 0;
    auto operator<=>(const FormatVersion&) const = default;
};

enum class Cipher : std::uint8_t { aes256_cbc, twofish_cbc, chacha20 };
enum class Compression : std::uint8_t { none, gzip };
enum class Kdf : std::uint8_t { aes_kdf, argon2d, argon2id };
enum class InnerStream : std::uint8_t { none, salsa20, chacha20 };

std::string_view name(Cipher cipher) noexcept;            // "AES-256-CBC", "Twofish-CBC", "ChaCha20"
std::string_view name(Compression compression) noexcept;  // "none", "gzip"
std::string_view name(Kdf kdf) noexcept;                  // "AES-KDF", "Argon2d", "Argon2id"
std::string_view name(InnerStream stream) noexcept;       // "none", "Salsa20", "ChaCha20"

// The KDF and its parameters as KDBX 4 stores them (KDBX 3.x: AES-KDF from TransformSeed/Rounds).
struct KdfParameters {
    Kdf kdf = Kdf::argon2id;
    Bytes salt;                       // S: the AES-KDF seed or the Argon2 salt
    std::uint64_t rounds = 0;         // R: AES-KDF
    std::uint64_t memory_bytes = 0;   // M: Argon2, in bytes (not KiB)
    std::uint64_t iterations = 0;     // I: Argon2
    std::uint32_t parallelism = 0;    // P: Argon2 lanes
    std::uint32_t version = 0x13;     // V: Argon2 0x10 or 0x13
    Bytes secret;                     // K: Argon2 secret key (optional, no known writer uses it)
    Bytes associated_data;            // A: Argon2 associated data (optional)
    bool operator==(const KdfParameters&) const = default;
};

// Argon2id at KeePass's default cost: 64 MiB, 2 passes, 2 lanes.
KdfParameters default_kdf();

// What the unencrypted outer header says; no secrets.
struct HeaderInfo {
    FormatVersion version;
    Cipher cipher = Cipher::aes256_cbc;
    Compression compression = Compression::gzip;
    KdfParameters kdf;
    std::optional<InnerStream> inner_stream;  // KDBX 3.x; KDBX 4 keeps it in the encrypted inner header
    VariantMap public_custom_data;            // KDBX 4 field 12
};

// SHA-256 over the key components (SHA-256 of the password, the key file's 32 bytes), KeePass's
// "composite key"; what the KDF transforms.
struct CompositeKey {
    crypto::SecureBytes hash;
};

// `password` null: no password. An empty password is a password ("" is hashed; KeePass §1.4).
// `key_file` is the key file's content: KeePass XML v1.0/v2.0, 32 raw bytes, 64 hex digits, or any
// other file (its SHA-256). Throws Errc::usage when given neither, Errc::malformed for a broken XML
// key file, Errc::integrity when a v2.0 key file's Data@Hash does not match.
CompositeKey make_composite_key(const crypto::Secret* password, std::optional<ByteView> key_file,
                                const std::string& key_file_name = {});

// Signature check on the first bytes: yes for KDBX (and for KeePass 1.x .kdb, so that reading it
// reports that it is not supported); never throws.
Confidence detect(ByteView head) noexcept;

// The outer header, without the key.
HeaderInfo read_header_info(ByteView file, const std::string& file_name);

// What reading hands over while the file streams by, in document order, so that a caller can use
// each entry and let it go. Meta and the pool come before the first group; a group's own members read
// before its first entry or subgroup come with begin_group, all of them with end_group.
class DatabaseVisitor {
public:
    virtual ~DatabaseVisitor() = default;
    // `meta` stays valid until the read ends; the pool is the visitor's from here on.
    virtual void meta(const Meta& meta, std::vector<Binary> pool) = 0;
    // An attachment stored inline in an entry (KDBX 2.x), which joins the end of the pool before
    // the entry that refers to it arrives.
    virtual void binary(Binary inline_binary) = 0;
    virtual void begin_group(const Group& members) = 0;
    virtual void entry(Entry entry) = 0;  // with its history
    virtual void end_group(Group members) = 0;  // without entries and subgroups
    // The rest once the document is read: meta, deleted objects, unknown elements and the public
    // custom data (root and binaries stay empty).
    virtual void end(Database& rest) = 0;
};

// Decrypts, verifies and parses a file, block by block: errors as open() gives them, possibly after
// the visitor was handed what came before.
void read(ByteView file, const CompositeKey& key, const Limits& limits, const std::string& file_name,
          DatabaseVisitor& visitor);
// The same from the file's pieces as they are read: a KDBX 4 file is never whole in memory (a 3.x
// one is gathered, since its padding is checked before the rest). `key` is asked for once the header
// has been read and found sound.
void read(const InputStream& file, const std::function<CompositeKey()>& key, const Limits& limits,
          DatabaseVisitor& visitor);

// Decrypts, verifies and parses a whole file. Errc::wrong_password when the key does not open an
// intact file, Errc::integrity for damage, Errc::limit_exceeded for costs over `limits`.
Database open(ByteView file, const CompositeKey& key, const Limits& limits, const std::string& file_name);

struct SaveSettings {
    // 4: KDBX 4.0, or 4.1 when the content needs it. 3: KDBX 3.1 (AES-KDF only).
    std::uint16_t major_version = 4;
    Cipher cipher = Cipher::aes256_cbc;  // AES-256-CBC or ChaCha20
    Compression compression = Compression::gzip;
    // The salt is ignored: every key derived for a save draws a fresh one, like every other seed and IV.
    KdfParameters kdf = default_kdf();
    // When set, the iterations (Argon2) or rounds (AES-KDF) are measured on this machine to take
    // about this long, replacing kdf.iterations/kdf.rounds.
    std::optional<std::chrono::milliseconds> target_unlock_time;
};

// Entries handed over group by group while save() writes the file, so that a big database need not
// be held whole: a group's entries from here follow its own `entries`.
class EntrySource {
public:
    virtual ~EntrySource() = default;
    // Calls `write` with each entry (history included) this source has for `group`, in order.
    virtual void entries(const Group& group, const std::function<void(const Entry&)>& write) const = 0;
    // Whether any of them needs KDBX 4.1 (needs_kdbx41).
    virtual bool needs_kdbx41() const = 0;
};

// Whether the entry uses what KDBX 4.1 added (KeePass 2.48): see kdbx.md §2 "Versioning rules".
bool needs_kdbx41(const Entry& entry);

// The version save() writes for this content.
FormatVersion save_version(const Database& database, const SaveSettings& settings, const EntrySource* more = nullptr);

// What a save encrypts with: the settings' KDF with a fresh salt (its cost tuned to the target time
// if one is set), and the composite key transformed by it.
struct DerivedKey {
    KdfParameters kdf;
    crypto::SecureBytes transformed;
};

// The KDF's work, which can be done before the database is at hand so that the KDF's memory is not
// taken beside it. One key for one file: two saved with the same key share its salt. Throws
// Errc::usage for settings that cannot be written.
DerivedKey derive_key(const CompositeKey& key, const SaveSettings& settings);

// The file, streamed into `out` as it is made (a few MiB in memory whatever its size), with the
// entries of `more` after each group's own. Throws Errc::usage for settings it cannot write (Twofish,
// Argon2 in KDBX 3.1, a binary reference outside the pool) before anything is written, except for a
// bad reference in an entry of `more`, found when it is written; a later error leaves `out` with part
// of a file.
void save(const Database& database, const CompositeKey& key, const SaveSettings& settings, io::Output& out,
          const EntrySource* more = nullptr);
// The same with a key derived with these settings (derive_key).
void save(const Database& database, const DerivedKey& key, const SaveSettings& settings, io::Output& out,
          const EntrySource* more = nullptr);
// The whole file in memory.
crypto::SecureBytes save(const Database& database, const CompositeKey& key, const SaveSettings& settings);

}  // namespace cxf::kdbx
