// SPDX-License-Identifier: MIT
// KeePass HmacBlockStream (KDBX 4) and HashedBlockStream (KDBX 2.x/3.x).
#include "cxf/kdbx/block_stream.h"

#include <algorithm>
#include <array>

#include "cxf/crypto/hash.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/keys.h"

namespace cxf::kdbx::detail {

namespace {

// KeePass and KeePassXC write 1 MiB blocks; readers take any size.
constexpr std::size_t write_block_size = 1 << 20;

// Appends `data` to `block`, handing each full block to `emit`, which empties it.
template <typename Block, typename Emit>
void fill_blocks(Block& block, ByteView data, Emit emit) {
    while (!data.empty()) {
        const std::size_t n = std::min(write_block_size - block.size(), data.size());
        block.insert(block.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n));
        data = data.subspan(n);
        if (block.size() == write_block_size) emit();
    }
}

std::string block_place(std::uint64_t index, std::size_t offset) {
    return "offset " + std::to_string(offset) + " (block " + std::to_string(index) + ")";
}

}  // namespace

constexpr std::size_t hmac_block_head = 32 + 4;  // HMAC, size

HmacBlockReader::HmacBlockReader(std::size_t offset, ByteView hmac_base_key, const std::string& file)
    : key_(crypto::secure_copy(hmac_base_key)), file_(file), block_at_(offset) {}

// Whole blocks are verified where they lie in `bytes`; only one cut between pieces is gathered.
void HmacBlockReader::feed(ByteView bytes, const std::function<void(ByteView)>& block) {
    while (!ended_ && !bytes.empty()) {
        if (pending_.empty()) {
            const std::optional<std::size_t> size = block_size(bytes);
            if (size && *size <= bytes.size()) {
                verify(bytes.first(*size), block);
                bytes = bytes.subspan(*size);
                continue;
            }
        }
        // The head first, then as much data as it announces: memory follows what came, not what a
        // damaged size claims.
        const std::optional<std::size_t> known = block_size(pending_);
        const std::size_t want = known ? *known : hmac_block_head;
        const std::size_t n = std::min(want - pending_.size(), bytes.size());
        pending_.insert(pending_.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        bytes = bytes.subspan(n);
        const std::optional<std::size_t> size = block_size(pending_);  // the final block is a head alone
        if (!size || pending_.size() < *size) continue;
        verify(pending_, block);
        pending_.clear();
    }
}

std::optional<std::size_t> HmacBlockReader::block_size(ByteView bytes) const {
    if (bytes.size() < hmac_block_head) return std::nullopt;
    ByteReader in(bytes, block_at_, file_, "");
    in.take(32, "");
    return hmac_block_head + in.read_length32("block " + std::to_string(index_) + " size");
}

void HmacBlockReader::verify(ByteView whole_block, const std::function<void(ByteView)>& block) {
    ByteReader in(whole_block, block_at_, file_, "");
    const std::string name = "block " + std::to_string(index_);
    const ByteView mac = in.take(32, name + " HMAC");
    const std::size_t size = in.read_length32(name + " size");
    const ByteView data = in.take(size, name + " data");
    // HMAC-SHA-256(block key, LE64(index) || LE32(size) || data): the index is implied, so a
    // reordered or dropped block fails too.
    Bytes prefix;
    append_le(prefix, index_);
    append_le(prefix, static_cast<std::int32_t>(size));
    const crypto::SecureBytes expected = crypto::hmac_sha256(block_hmac_key(key_, index_), {prefix, data});
    if (!crypto::equal_ct(expected, mac))
        throw Error(Errc::integrity, {file_, block_place(index_, block_at_)},
                    name + " at offset " + std::to_string(block_at_) +
                        " fails its HMAC check: the file is damaged or was tampered with");
    block_at_ += whole_block.size();
    ++index_;
    if (size == 0) ended_ = true;  // data after the final block is ignored, as KeePass does
    else block(data);
}

// What the file lacks, named as reading it whole names it.
void HmacBlockReader::finish() const {
    if (ended_) return;
    ByteReader in(pending_, block_at_, file_, "");
    const std::string name = "block " + std::to_string(index_);
    if (in.at_end()) throw Error(Errc::malformed, {file_, in.place(name)}, "truncated: the file ends before the final (empty) block");
    in.take(32, name + " HMAC");
    in.take(in.read_length32(name + " size"), name + " data");
    throw Error(Errc::malformed, {file_, in.place(name)}, "truncated: the file ends inside " + name);  // not reached
}

HmacBlockWriter::HmacBlockWriter(ByteView hmac_base_key, io::Output& out)
    : key_(crypto::secure_copy(hmac_base_key)), out_(out) {}

// Blocks fill to write_block_size; the HMAC is over LE64(index) || LE32(size) || data.
void HmacBlockWriter::write(ByteView ciphertext) {
    fill_blocks(block_, ciphertext, [this] { emit(); });
}

void HmacBlockWriter::finish() {
    if (!block_.empty()) emit();
    emit();
}

void HmacBlockWriter::emit() {
    Bytes head;
    append_le(head, index_);
    append_le(head, static_cast<std::int32_t>(block_.size()));
    const crypto::SecureBytes mac = crypto::hmac_sha256(block_hmac_key(key_, index_), {head, block_});
    out_.write(mac);
    out_.write(ByteView(head).subspan(8));
    out_.write(block_);
    block_.clear();
    ++index_;
}

Bytes write_hmac_blocks(ByteView ciphertext, ByteView hmac_base_key) {
    io::MemoryOutput out;
    HmacBlockWriter blocks(hmac_base_key, out);
    blocks.write(ciphertext);
    blocks.finish();
    return Bytes(out.bytes().begin(), out.bytes().end());
}

void HashedBlockReader::feed(ByteView stream, const std::function<void(ByteView)>& out) {
    constexpr std::size_t head_size = 4 + 32 + 4;  // index, SHA-256, size
    while (!ended_) {
        // The head first, then as much data as it announces.
        std::size_t want = head_size;
        const bool sized = pending_.size() >= head_size;
        if (sized) {
            ByteReader head(pending_, block_at_, file_, "decrypted payload ");
            head.take(36, "");
            want += head.read_length32("block " + std::to_string(index_) + " size");
        }
        const std::size_t n = std::min(want - pending_.size(), stream.size());
        pending_.insert(pending_.end(), stream.begin(), stream.begin() + static_cast<std::ptrdiff_t>(n));
        stream = stream.subspan(n);
        if (pending_.size() < want) return;  // all of `stream` is taken
        if (!sized) continue;

        ByteReader in(pending_, block_at_, file_, "decrypted payload ");
        const std::string block = "block " + std::to_string(index_);
        const auto index = in.read<std::uint32_t>(block + " index");
        if (index != index_)
            throw Error(Errc::integrity, {file_, in.place_at(0, block)},
                        "block index " + std::to_string(index) + " where " + std::to_string(index_) + " belongs");
        const ByteView hash = in.take(32, block + " hash");
        const std::size_t size = in.read_length32(block + " size");
        const ByteView data = in.take(size, block + " data");
        if (size == 0) {
            if (std::any_of(hash.begin(), hash.end(), [](std::uint8_t b) { return b != 0; }))
                throw Error(Errc::integrity, {file_, in.place_at(0, block)}, "the final block's hash is not all zero");
            ended_ = true;
            return;
        }
        if (!crypto::equal_ct(crypto::sha256({data}), hash))
            throw Error(Errc::integrity, {file_, in.place_at(0, block)},
                        block + " at payload offset " + std::to_string(block_at_) +
                            " fails its SHA-256 check: the file is damaged");
        out(data);
        block_at_ += pending_.size();
        pending_.clear();
        ++index_;
    }
}

void HashedBlockReader::finish() const {
    if (ended_) return;
    const std::string block = "block " + std::to_string(index_);
    if (pending_.empty())
        throw Error(Errc::malformed, {file_, "decrypted payload offset " + std::to_string(block_at_) + " (" + block + ")"},
                    "truncated: the payload ends before the final (empty) block");
    throw Error(Errc::malformed,
                {file_, "decrypted payload offset " + std::to_string(block_at_ + pending_.size()) + " (" + block + ")"},
                "truncated: " + block + " needs more bytes than the payload holds");
}

void HashedBlockWriter::write(ByteView payload) {
    fill_blocks(block_, payload, [this] { emit(); });
}

void HashedBlockWriter::finish() {
    if (!block_.empty()) emit();
    emit();
}

// LE32(index), SHA-256 of the data (zeros for the final empty block), LE32(size), data.
void HashedBlockWriter::emit() {
    std::array<std::uint8_t, 4 + 32 + 4> head{};  // the hash stays zeros for the final empty block
    const auto size = static_cast<std::uint32_t>(block_.size());
    for (std::size_t i = 0; i < 4; ++i) {
        head[i] = static_cast<std::uint8_t>(index_ >> (8 * i));
        head[36 + i] = static_cast<std::uint8_t>(size >> (8 * i));
    }
    if (!block_.empty()) {
        const crypto::SecureBytes hash = crypto::sha256({block_});
        std::copy(hash.begin(), hash.end(), head.begin() + 4);
    }
    out_.write(head);
    out_.write(block_);
    block_.clear();
    ++index_;
}

}  // namespace cxf::kdbx::detail
