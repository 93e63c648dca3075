// SPDX-License-Identifier: MIT
// Writing a KDBX file: fresh seeds, IVs and stream key on every save; KDBX 4.0/4.1 or 3.1.
#include <algorithm>
#include <functional>
#include <limits>

#include "cxf/crypto/hash.h"
#include "cxf/error.h"
#include "cxf/io/relay.h"
#include "cxf/kdbx/block_stream.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/cipher.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/header.h"
#include "cxf/kdbx/inner_header.h"
#include "cxf/kdbx/kdf.h"
#include "cxf/kdbx/keys.h"
#include "cxf/kdbx/xml.h"

namespace cxf::kdbx {

namespace {

using namespace detail;

bool has_timestamps(const CustomData& data) {
    return std::any_of(data.begin(), data.end(), [](const CustomDataItem& i) { return i.last_modified.has_value(); });
}

bool needs_41(const Group& g) {
    return !g.tags.empty() || g.previous_parent_group != nil_uuid || has_timestamps(g.custom_data) ||
           std::any_of(g.entries.begin(), g.entries.end(), needs_kdbx41) ||
           std::any_of(g.groups.begin(), g.groups.end(), [](const Group& c) { return needs_41(c); });
}

bool needs_41(const Database& db) {
    return has_timestamps(db.meta.custom_data) ||
           std::any_of(db.meta.custom_icons.begin(), db.meta.custom_icons.end(),
                       [](const CustomIcon& i) { return !i.name.empty() || i.last_modified.has_value(); }) ||
           needs_41(db.root);
}

void check_refs(const Group& g, std::size_t pool_size) {
    for (const Entry& e : g.entries) check_binary_refs(e, pool_size);
    for (const Group& c : g.groups) check_refs(c, pool_size);
}

void check_settings(const SaveSettings& settings) {
    if (settings.major_version != 3 && settings.major_version != 4)
        throw Error(Errc::usage, {},
                    "KDBX " + std::to_string(settings.major_version) + " cannot be written (3 or 4 can)");
    if (settings.cipher == Cipher::twofish_cbc) throw Error(Errc::usage, {}, "Twofish is supported for reading only");
    if (settings.major_version == 3 && settings.kdf.kdf != Kdf::aes_kdf)
        throw Error(Errc::usage, {}, "KDBX 3.1 can only use AES-KDF, not " + std::string(name(settings.kdf.kdf)));
}

void check_content(const Database& db) {
    check_refs(db.root, db.binaries.size());
    for (const Binary& b : db.binaries)
        if (b.bytes().size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
            throw Error(Errc::usage, {},
                        "an attachment of " + std::to_string(b.bytes().size()) + " bytes is too big for KDBX");
}

// The settings' KDF with a fresh salt, tuned to the target time if one is set; bad parameters are the
// caller's mistake (Errc::usage).
KdfParameters fresh_kdf(const SaveSettings& settings) {
    KdfParameters kdf = settings.kdf;
    const crypto::SecureBytes salt = crypto::random_bytes(32);
    kdf.salt.assign(salt.begin(), salt.end());
    Limits unbounded;
    unbounded.max_kdf_memory_bytes = unbounded.max_kdf_iterations = unbounded.max_aes_kdf_rounds = UINT64_MAX;
    try {
        if (settings.target_unlock_time) {
            (kdf.kdf == Kdf::aes_kdf ? kdf.rounds : kdf.iterations) = 1;
            check_kdf(kdf, unbounded, "", "KDF settings");
            kdf = tune_kdf(kdf, *settings.target_unlock_time);
        }
        check_kdf(kdf, unbounded, "", "KDF settings");
    } catch (const Error& e) {
        throw Error(Errc::usage, {}, e.what());
    }
    return kdf;
}

Bytes random_public(std::size_t count) {
    const crypto::SecureBytes r = crypto::random_bytes(count);
    return Bytes(r.begin(), r.end());
}

// What `prefix` writes, then the XML, into `out`, compressed as they are written: no whole plaintext
// document. Compressing, encrypting and writing out run on a second thread, behind the XML.
void write_payload(io::Output& out, const std::function<void(io::Output&)>& prefix, const Database& db,
                   const XmlWriteContext& context, Compression compression) {
    const auto payload = [&](io::Output& to) {
        prefix(to);
        write_xml(db, context, to);
    };
    if (compression != Compression::gzip) return io::write_behind(payload, out);
    io::DeflateWriter zipped(out, io::Framing::gzip);
    io::write_behind(payload, zipped);
    zipped.finish();
}

// Header, its hash and HMAC, then HMAC blocks of the encrypted, compressed inner header and XML.
void save4(const Database& db, const EntrySource* more, const OuterHeader& header, const MasterKeys& keys,
           Compression compression, io::Output& out) {
    const Bytes header_bytes = write_header(header);
    // KDBX 4 files get ChaCha20 with a 64-byte key, as KeePass writes them.
    const crypto::SecureBytes stream_key = crypto::random_bytes(64);
    InnerStreamCipher stream(InnerStream::chacha20, stream_key);
    out.write(header_bytes);
    out.write(crypto::sha256({header_bytes}));
    out.write(crypto::hmac_sha256(block_hmac_key(keys.hmac_base_key, UINT64_MAX), {header_bytes}));
    HmacBlockWriter blocks(keys.hmac_base_key, out);
    PayloadEncryptor encrypted(header.cipher, keys.cipher_key, header.iv, blocks);
    const auto inner_header = [&](io::Output& to) { write_inner_header(InnerStream::chacha20, stream_key, db.binaries, to); };
    write_payload(encrypted, inner_header, db, XmlWriteContext{header.version, stream, {}, false, more}, compression);
    encrypted.finish();
    blocks.finish();
}

// Header, then the encryption of the stream start bytes and hashed blocks of the compressed XML.
void save3(const Database& db, const EntrySource* more, OuterHeader& header, const MasterKeys& keys,
           Compression compression, io::Output& out) {
    header.stream_key = crypto::random_bytes(32);
    header.stream_start_bytes = random_public(32);
    header.inner_stream = InnerStream::salsa20;  // what KeePass writes in KDBX 3.1
    const Bytes header_bytes = write_header(header);
    InnerStreamCipher stream(header.inner_stream, header.stream_key);
    const crypto::SecureBytes header_hash = crypto::sha256({header_bytes});
    const XmlWriteContext context{header.version, stream, header_hash, compression == Compression::gzip, more};
    out.write(header_bytes);
    PayloadEncryptor encrypted(header.cipher, keys.cipher_key, header.iv, out);
    encrypted.write(header.stream_start_bytes);
    HashedBlockWriter blocks(encrypted);
    write_payload(blocks, [](io::Output&) {}, db, context, compression);
    blocks.finish();
    encrypted.finish();
}

}  // namespace

bool needs_kdbx41(const Entry& e) {
    return !e.quality_check || e.previous_parent_group != nil_uuid || has_timestamps(e.custom_data) ||
           std::any_of(e.history.begin(), e.history.end(), needs_kdbx41);
}

FormatVersion save_version(const Database& database, const SaveSettings& settings, const EntrySource* more) {
    if (settings.major_version == 3) return {3, 1};
    return {4, static_cast<std::uint16_t>(needs_41(database) || (more && more->needs_kdbx41()) ? 1 : 0)};
}

DerivedKey derive_key(const CompositeKey& key, const SaveSettings& settings) {
    check_settings(settings);
    DerivedKey derived;
    derived.kdf = fresh_kdf(settings);
    derived.transformed = transform_key(key.hash, derived.kdf);
    return derived;
}

namespace {

// save() once its settings and content are checked.
void save_checked(const Database& database, const DerivedKey& key, const SaveSettings& settings, io::Output& out,
                  const EntrySource* more) {
    OuterHeader header;
    header.version = save_version(database, settings, more);
    header.cipher = settings.cipher;
    header.compression = settings.compression;
    header.master_seed = random_public(32);
    header.iv = random_public(iv_size(settings.cipher));
    header.kdf = key.kdf;
    if (header.version.major >= 4) header.public_custom_data = database.public_custom_data;
    const MasterKeys keys = derive_master_keys(header.master_seed, key.transformed);
    if (header.version.major >= 4) save4(database, more, header, keys, settings.compression, out);
    else save3(database, more, header, keys, settings.compression, out);
}

}  // namespace

void save(const Database& database, const DerivedKey& key, const SaveSettings& settings, io::Output& out,
          const EntrySource* more) {
    check_settings(settings);
    check_content(database);
    save_checked(database, key, settings, out, more);
}

void save(const Database& database, const CompositeKey& key, const SaveSettings& settings, io::Output& out,
          const EntrySource* more) {
    check_settings(settings);
    check_content(database);  // before the KDF's time is spent
    save_checked(database, derive_key(key, settings), settings, out, more);
}

crypto::SecureBytes save(const Database& database, const CompositeKey& key, const SaveSettings& settings) {
    io::MemoryOutput out;
    save(database, key, settings, out);
    return std::move(out.bytes());
}

}  // namespace cxf::kdbx
