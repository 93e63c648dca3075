// SPDX-License-Identifier: MIT
// Reading a KDBX file: header, key derivation, verification in the order that tells a wrong key
// from damage, then decryption, decompression, inner header and XML as one stream, a block at a
// time, so that neither the decrypted payload nor the XML text is ever whole in memory. Decryption
// and decompression run on a second thread, ahead of the XML.
#include <algorithm>
#include <functional>
#include <optional>

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

constexpr std::string_view wrong_key_kdbx3 = "wrong password or key file, or the file is damaged";
constexpr std::size_t cbc_block = 16;
// KDBX 3.x: how much of the ciphertext gathered with the header (a whole file already in memory) is
// decrypted at a time.
constexpr std::size_t decrypt_piece = 1 << 20;

constexpr std::string_view compressed_place = "compressed payload";

// What follows decryption, on the thread that decrypts: inflating when the payload is compressed,
// then `out`. The payload alone is held to `budget` here, checked as reading in turn would check it;
// the file's budget, shared with the attachments, is take_payload's.
class Decompressor {
public:
    Decompressor(Compression compression, const Limits& limits, std::uint64_t budget, const std::string& file,
                 io::Output& out)
        : out_(out), budget_(budget) {
        if (compression == Compression::gzip) gzip_.emplace(limits, budget_, file, std::string(compressed_place));
    }
    void feed(ByteView data) {
        if (gzip_) gzip_->feed(data, [&](ByteView piece) { out_.write(piece); });
        else out_.write(data);
    }
    void finish() const {
        if (gzip_) gzip_->finish();
    }

private:
    io::Output& out_;
    std::uint64_t budget_;
    std::optional<GzipReader> gzip_;
};

// The payload's inflated bytes are taken from the file's budget as they are parsed: in the order of
// the document, with the attachments it inflates, whatever the decrypting thread has done ahead.
void take_payload(const OuterHeader& header, ByteView data, const Limits& limits, std::uint64_t& budget,
                  const std::string& file) {
    if (header.compression == Compression::gzip)
        take_inflated(budget, data.size(), limits, file, std::string(compressed_place));
}

// The KDBX 4 payload: the inner header, read as it streams in, then the XML.
class Kdbx4Payload {
public:
    Kdbx4Payload(const std::string& file, const Limits& limits, FormatVersion version, ByteView header_hash,
                 std::uint64_t& budget, DatabaseVisitor& visitor)
        : file_(file), limits_(limits), version_(version), header_hash_(header_hash), budget_(budget),
          visitor_(visitor) {}

    void feed(ByteView data) {
        if (xml_) return xml_->feed(data);
        const std::size_t used = inner_.feed(data);
        if (!inner_.done()) return;
        InnerHeader inner = inner_.take();
        stream_.emplace(inner.stream, inner.stream_key);
        context_.emplace(XmlReadContext{file_, limits_, version_, *stream_, header_hash_, budget_});
        xml_.emplace(*context_, std::move(inner.binaries), visitor_);
        xml_->feed(data.subspan(used));
    }

    void finish(VariantMap public_custom_data) {
        inner_.finish();  // it names what is missing
        xml_->finish(std::move(public_custom_data));
    }

private:
    const std::string& file_;
    const Limits& limits_;
    FormatVersion version_;
    ByteView header_hash_;
    std::uint64_t& budget_;
    DatabaseVisitor& visitor_;
    InnerHeaderReader inner_{file_};
    std::optional<InnerStreamCipher> stream_;
    std::optional<XmlReadContext> context_;
    std::optional<XmlReader> xml_;
};

// A file's bytes as they come: the first ones gathered in one view (the header and what follows it
// that is checked before decrypting), then the rest piece by piece.
class Source {
public:
    Source(const InputStream& input, const Limits& limits) : input_(&input), limits_(limits) {}
    // A file already in memory: nothing is copied.
    Source(ByteView file, const Limits& limits) : limits_(limits), view_(file), total_(file.size()), ended_(true) {}

    ByteView gathered() const noexcept { return view_; }
    // At least `n` bytes gathered, or all there are.
    void gather(std::size_t n) {
        while (view_.size() < n && !ended_) {
            if (joined_.empty()) joined_.assign(view_.begin(), view_.end());  // the piece's view ends at the next
            const ByteView piece = next();
            joined_.insert(joined_.end(), piece.begin(), piece.end());
            view_ = joined_;
        }
    }
    // The bytes after those gathered, a piece at a time (valid until the next call); empty at the end.
    ByteView next() {
        if (ended_) return {};
        const ByteView piece = input_->next();
        if (piece.empty()) ended_ = true;
        total_ += piece.size();
        check_size();
        return piece;
    }
    // Errc::limit_exceeded once the file is over Limits::max_input_bytes (the caller adds the file).
    void check_size() const {
        if (total_ > limits_.max_input_bytes)
            throw Error(Errc::limit_exceeded, {},
                        "the file has " + std::string(ended_ ? "" : "more than ") + std::to_string(total_) +
                            " bytes, over the cap of " + std::to_string(limits_.max_input_bytes) + " bytes");
    }

private:
    const InputStream* input_ = nullptr;
    const Limits& limits_;
    ByteView view_;
    Bytes joined_;
    std::uint64_t total_ = 0;
    bool ended_ = false;
};

// The payload's ciphertext decrypted as it comes, into `out`. A CBC cipher's last block holds the
// padding, so one block is held back until the next arrives, or until finish() strips it.
class StreamDecryptor {
public:
    StreamDecryptor(const OuterHeader& header, const MasterKeys& keys, std::function<void(ByteView)> out)
        : cipher_(header.cipher), decryptor_(header.cipher, keys.cipher_key, header.iv), out_(std::move(out)),
          held_(header.cipher == Cipher::chacha20 ? 0 : cbc_block) {}

    void feed(ByteView ciphertext) {
        ciphertext_size_ += ciphertext.size();
        decryptor_.update(ciphertext, plain_);
        if (plain_.size() <= held_) return;
        const std::size_t ready = plain_.size() - held_;
        out_(ByteView(plain_).first(ready));
        plain_.erase(plain_.begin(), plain_.begin() + static_cast<std::ptrdiff_t>(ready));
    }
    std::size_t ciphertext_size() const noexcept { return ciphertext_size_; }
    // What is held back, without its padding; false, with nothing sent, when the padding is invalid.
    [[nodiscard]] bool finish() {
        if (!strip_padding(cipher_, plain_)) return false;
        out_(plain_);
        return true;
    }

private:
    Cipher cipher_;
    PayloadDecryptor decryptor_;
    std::function<void(ByteView)> out_;
    std::size_t held_;
    crypto::SecureBytes plain_;
    std::size_t ciphertext_size_ = 0;
};

// KDBX 4's HMAC blocks after the header, authenticated, decrypted and inflated into `out`, as the file comes.
void decrypt4(Source& source, const OuterHeader& header, const MasterKeys& keys, const Limits& limits,
              std::uint64_t inflate_budget, const std::string& name, io::Output& out) {
    Decompressor decompressor(header.compression, limits, inflate_budget, name, out);
    StreamDecryptor decryptor(header, keys, [&](ByteView plain) { decompressor.feed(plain); });
    const std::size_t blocks_at = header.size + 64;
    HmacBlockReader blocks(blocks_at, keys.hmac_base_key, name);
    const auto to_decryptor = [&](ByteView ciphertext) { decryptor.feed(ciphertext); };
    blocks.feed(source.gathered().subspan(blocks_at), to_decryptor);
    while (!blocks.ended()) {
        const ByteView piece = source.next();
        if (piece.empty()) break;
        blocks.feed(piece, to_decryptor);
    }
    blocks.finish();
    check_whole_blocks(header.cipher, decryptor.ciphertext_size(), name, "encrypted payload");
    // Authenticated with the right key, so bad padding is the writer's fault, not the password's.
    if (!decryptor.finish())
        throw Error(Errc::malformed, {name, "encrypted payload"}, "the payload's padding is invalid");
    decompressor.finish();
}

// KDBX 4: [header][SHA-256(header)][HMAC(header)][HMAC blocks of ciphertext]. The blocks are decrypted
// on a second thread while the inner header and XML before them are read on this one.
void read4(Source& source, const OuterHeader& header, ByteView header_hash, const MasterKeys& keys, const Limits& limits,
           std::uint64_t& inflate_budget, const std::string& name, DatabaseVisitor& visitor) {
    const ByteView start = source.gathered();
    const ByteView header_bytes = start.first(header.size);
    const ByteView stored_mac = start.subspan(header.size + 32, 32);
    const crypto::SecureBytes mac = crypto::hmac_sha256(block_hmac_key(keys.hmac_base_key, UINT64_MAX), {header_bytes});
    // The header is known intact (its SHA-256 matched), so a failing HMAC can only be the key.
    if (!crypto::equal_ct(mac, stored_mac))
        throw Error(Errc::wrong_password, {name, "offset " + std::to_string(header.size + 32) + " (header HMAC)"},
                    "wrong password or key file");
    Kdbx4Payload inner(name, limits, header.version, header_hash, inflate_budget, visitor);
    const std::uint64_t payload_budget = inflate_budget;
    io::produce_ahead([&](io::Output& out) { decrypt4(source, header, keys, limits, payload_budget, name, out); },
                      [&](ByteView data) {
                          take_payload(header, data, limits, inflate_budget, name);
                          inner.feed(data);
                      });
    inner.finish(header.public_custom_data);
}

// KDBX 3.x: the start bytes that prove the key, the first plaintext of the payload.
constexpr std::size_t start_bytes = 32;

// KDBX 3.x's ciphertext after the header, decrypted and, past the start bytes, read as hashed blocks
// and inflated into `out`, as the file comes.
void decrypt3(Source& source, const OuterHeader& header, const MasterKeys& keys, const Limits& limits,
              std::uint64_t inflate_budget, const std::string& name, io::Output& out) {
    Decompressor decompressor(header.compression, limits, inflate_budget, name, out);
    HashedBlockReader blocks(name);
    std::size_t skip = start_bytes;  // checked before this started
    StreamDecryptor decryptor(header, keys, [&](ByteView plain) {
        const std::size_t skipped = std::min(skip, plain.size());
        skip -= skipped;
        blocks.feed(plain.subspan(skipped), [&](ByteView data) { decompressor.feed(data); });
    });
    const ByteView gathered = source.gathered().subspan(header.size);
    for (std::size_t at = 0; at < gathered.size(); at += decrypt_piece)
        decryptor.feed(gathered.subspan(at, std::min(decrypt_piece, gathered.size() - at)));
    for (ByteView piece = source.next(); !piece.empty(); piece = source.next()) decryptor.feed(piece);
    const std::size_t size = decryptor.ciphertext_size();
    check_whole_blocks(header.cipher, size, name, "offset " + std::to_string(header.size) + " (encrypted payload)");
    // The start bytes matched, so the key is right: bad padding is damage to the last blocks.
    if (!decryptor.finish()) {
        const std::size_t last_block = header.size + size - std::min(cbc_block, size);
        throw Error(Errc::malformed, {name, "offset " + std::to_string(last_block) + " (last cipher block)"},
                    "the payload's padding is invalid: the file is truncated or damaged");
    }
    blocks.finish();
    decompressor.finish();
}

// KDBX 2.x/3.x: [header][ciphertext of: stream start bytes, hashed blocks of the payload]. There is no
// MAC: the start bytes, in the first cipher blocks, are the only proof of the key, and they are checked
// before anything else is decrypted. The rest is decrypted on a second thread while the XML is read.
void read3(Source& source, const OuterHeader& header, ByteView header_hash, const MasterKeys& keys, const Limits& limits,
           std::uint64_t& inflate_budget, const std::string& name, DatabaseVisitor& visitor) {
    const ByteView start = source.gathered().subspan(header.size);
    if (start.empty())
        throw Error(Errc::malformed, {name, "offset " + std::to_string(header.size)},
                    "truncated: nothing follows the header");
    if (start.size() < start_bytes)
        throw Error(Errc::malformed, {name, "offset " + std::to_string(header.size) + " (encrypted payload)"},
                    "truncated: the payload is too short to hold its start bytes");
    PayloadDecryptor first(header.cipher, keys.cipher_key, header.iv);
    crypto::SecureBytes plain;
    first.update(start.first(start_bytes), plain);
    if (!crypto::equal_ct(plain, header.stream_start_bytes))
        throw Error(Errc::wrong_password, {name, "offset " + std::to_string(header.size) + " (StreamStartBytes)"},
                    std::string(wrong_key_kdbx3));

    InnerStreamCipher stream(header.inner_stream, header.stream_key);
    const XmlReadContext context{name, limits, header.version, stream, header_hash, inflate_budget};
    XmlReader xml(context, {}, visitor);
    const std::uint64_t payload_budget = inflate_budget;
    io::produce_ahead([&](io::Output& out) { decrypt3(source, header, keys, limits, payload_budget, name, out); },
                      [&](ByteView data) {
                          take_payload(header, data, limits, inflate_budget, name);
                          xml.feed(data);
                      });
    xml.finish({});
}

// The whole object model, built from what the stream hands over.
class DatabaseBuilder final : public DatabaseVisitor {
public:
    void meta(const Meta&, std::vector<Binary> pool) override { pool_ = std::move(pool); }
    void binary(Binary inline_binary) override { pool_.push_back(std::move(inline_binary)); }
    void begin_group(const Group&) override {
        open_.push_back(open_.empty() ? &db_.root : &open_.back()->groups.emplace_back());
    }
    void entry(Entry entry) override { open_.back()->entries.push_back(std::move(entry)); }
    void end_group(Group members) override {
        Group& group = *open_.back();
        members.entries = std::move(group.entries);
        members.groups = std::move(group.groups);
        group = std::move(members);
        open_.pop_back();
    }
    void end(Database& rest) override {
        Group root = std::move(db_.root);
        db_ = std::move(rest);
        db_.root = std::move(root);
        db_.binaries = std::move(pool_);
    }
    Database take() { return std::move(db_); }

private:
    Database db_;
    std::vector<Binary> pool_;
    std::vector<Group*> open_;
};

}  // namespace

Confidence detect(ByteView head) noexcept {
    if (head.size() < 8 || load_le<std::uint32_t>(head.data()) != signature1) return Confidence::no;
    const auto sig2 = load_le<std::uint32_t>(head.data() + 4);
    return sig2 == signature2_kdbx || sig2 == signature2_prerelease || sig2 == signature2_kdb ? Confidence::yes
                                                                                              : Confidence::no;
}

HeaderInfo read_header_info(ByteView file, const std::string& file_name) {
    return header_info(parse_header(file, file_name));
}

namespace {

// A KDBX header is a few hundred bytes, but its fields may be of any length: what it needs is
// gathered before it is parsed.
OuterHeader gather_header(Source& source, const std::string& file_name) {
    for (std::size_t want = 4096;; want *= 2) {
        source.gather(want);
        const ByteView file = source.gathered();
        const std::optional<std::size_t> length = header_length(file);
        if (length) source.gather(*length);
        if (length || file.size() < want) return parse_header(source.gathered(), file_name);
    }
}

void read_source(Source& source, const std::function<CompositeKey()>& key, const Limits& limits,
                 const std::string& file_name, DatabaseVisitor& visitor) {
    try {
        source.check_size();
        const OuterHeader header = gather_header(source, file_name);
        // Stored after the header in KDBX 4, and in Meta/HeaderHash by writers of either version.
        const crypto::SecureBytes header_hash = crypto::sha256({source.gathered().first(header.size)});
        const bool kdbx4 = header.version.major >= 4;
        if (kdbx4) {
            source.gather(header.size + 64);
            const ByteView file = source.gathered();
            if (file.size() < header.size + 64)
                throw Error(Errc::malformed, {file_name, "offset " + std::to_string(header.size) + " (header hash)"},
                            "truncated: the header's SHA-256 and HMAC are missing");
            // Checked before the (costly) KDF: a mismatch here is damage, whatever the key.
            if (!crypto::equal_ct(header_hash, file.subspan(header.size, 32)))
                throw Error(Errc::integrity, {file_name, "offset " + std::to_string(header.size) + " (header SHA-256)"},
                            "the header is damaged: its SHA-256 does not match");
        } else {
            source.gather(header.size + start_bytes);
        }
        check_kdf(header.kdf, limits, file_name, kdbx4 ? "KdfParameters" : "TransformRounds");
        const MasterKeys keys = derive_master_keys(header.master_seed, transform_key(key().hash, header.kdf));
        // Limits::max_decompressed_bytes is for all the file inflates to: payload and attachments.
        std::uint64_t inflate_budget = limits.max_decompressed_bytes;
        if (kdbx4) read4(source, header, header_hash, keys, limits, inflate_budget, file_name, visitor);
        else read3(source, header, header_hash, keys, limits, inflate_budget, file_name, visitor);
    } catch (const Error& e) {
        throw e.in_file(file_name);
    }
}

}  // namespace

void read(ByteView file, const CompositeKey& key, const Limits& limits, const std::string& file_name,
          DatabaseVisitor& visitor) {
    Source source(file, limits);
    read_source(source, [&] { return key; }, limits, file_name, visitor);
}

void read(const InputStream& file, const std::function<CompositeKey()>& key, const Limits& limits,
          DatabaseVisitor& visitor) {
    Source source(file, limits);
    read_source(source, key, limits, file.name, visitor);
}

Database open(ByteView file, const CompositeKey& key, const Limits& limits, const std::string& file_name) {
    DatabaseBuilder builder;
    read(file, key, limits, file_name, builder);
    return builder.take();
}

}  // namespace cxf::kdbx
