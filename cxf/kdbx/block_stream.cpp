// SPDX-License-Identifier: MIT
// KeePass HmacBlockStream (KDBX 4) and HashedBlockStream (KDBX 2.x/3.x).
#include "cxf/kdbx/block_stream.h"

#include <algorithm>

#include "cxf/crypto/hash.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/keys.h"

namespace cxf::kdbx::detail {

namespace {

// KeePass and KeePassXC write 1 MiB blocks; readers take any size.
constexpr std::size_t write_block_size = 1 << 20;

std::string block_place(std::uint64_t index, std::size_t offset) {
    return "offset " + std::to_string(offset) + " (block " + std::to_string(index) + ")";
}

}  // namespace

void read_hmac_blocks(ByteView blocks, std::size_t offset, ByteView hmac_base_key, const std::string& file,
                      const std::function<void(ByteView)>& block) {
    ByteReader in(blocks, offset, file, "");
    for (std::uint64_t index = 0;; ++index) {
        const std::size_t at = in.position();
        if (in.at_end())
            throw Error(Errc::malformed, {file, in.place("block " + std::to_string(index))},
                        "truncated: the file ends before the final (empty) block");
        const ByteView mac = in.take(32, "block " + std::to_string(index) + " HMAC");
        const std::size_t size = in.read_length32("block " + std::to_string(index) + " size");
        const ByteView data = in.take(size, "block " + std::to_string(index) + " data");
        // HMAC-SHA-256(block key, LE64(index) || LE32(size) || data): the index is implied, so a
        // reordered or dropped block fails too.
        Bytes prefix;
        append_le(prefix, index);
        append_le(prefix, static_cast<std::int32_t>(size));
        const crypto::SecureBytes expected = crypto::hmac_sha256(block_hmac_key(hmac_base_key, index), {prefix, data});
        if (!crypto::equal_ct(expected, mac))
            throw Error(Errc::integrity, {file, block_place(index, offset + at)},
                        "block " + std::to_string(index) + " at offset " + std::to_string(offset + at) +
                            " fails its HMAC check: the file is damaged or was tampered with");
        if (size == 0) return;  // data after the final block is ignored, as KeePass does
        block(data);
    }
}

Bytes write_hmac_blocks(ByteView ciphertext, ByteView hmac_base_key) {
    Bytes out;
    out.reserve(ciphertext.size() + (ciphertext.size() / write_block_size + 2) * 36);
    std::size_t at = 0;
    for (std::uint64_t index = 0;; ++index) {
        const std::size_t size = std::min(write_block_size, ciphertext.size() - at);
        const ByteView data = ciphertext.subspan(at, size);
        Bytes prefix;
        append_le(prefix, index);
        append_le(prefix, static_cast<std::int32_t>(size));
        const crypto::SecureBytes mac = crypto::hmac_sha256(block_hmac_key(hmac_base_key, index), {prefix, data});
        out.insert(out.end(), mac.begin(), mac.end());
        append_le(out, static_cast<std::int32_t>(size));
        out.insert(out.end(), data.begin(), data.end());
        at += size;
        if (size == 0) return out;
    }
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

void write_hashed_blocks(ByteView payload, crypto::SecureBytes& out) {
    std::size_t at = 0;
    for (std::uint32_t index = 0;; ++index) {
        const std::size_t size = std::min(write_block_size, payload.size() - at);
        const ByteView data = payload.subspan(at, size);
        append_le(out, index);
        if (size == 0) {
            out.insert(out.end(), 32, 0);
        } else {
            const crypto::SecureBytes hash = crypto::sha256({data});
            out.insert(out.end(), hash.begin(), hash.end());
        }
        append_le(out, static_cast<std::int32_t>(size));
        out.insert(out.end(), data.begin(), data.end());
        at += size;
        if (size == 0) return;
    }
}

}  // namespace cxf::kdbx::detail
