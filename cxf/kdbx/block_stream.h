// SPDX-License-Identifier: MIT
// Payload framing: KDBX 4's HMAC block stream (around the ciphertext) and KDBX 3.x's hashed block
// stream (inside the plaintext).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "cxf/io/output.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// The HMAC block stream read as the file comes, in pieces of any size: each block's HMAC is verified
// before its ciphertext goes on, in order. Errc::integrity names the failing block and its offset in
// the file; Errc::malformed for truncation (no final empty block). Bytes after the final block are
// ignored.
class HmacBlockReader {
public:
    // `offset`: where the blocks start in the file.
    HmacBlockReader(std::size_t offset, ByteView hmac_base_key, const std::string& file);
    void feed(ByteView bytes, const std::function<void(ByteView)>& block);
    // The file has ended: Errc::malformed, naming what is missing, unless the final block came.
    void finish() const;
    bool ended() const noexcept { return ended_; }

private:
    // The size of the block at the start of `bytes` once its head is there, as its head declares it.
    std::optional<std::size_t> block_size(ByteView bytes) const;
    void verify(ByteView whole_block, const std::function<void(ByteView)>& block);

    crypto::SecureBytes key_;
    const std::string& file_;
    Bytes pending_;                // a block cut between pieces
    std::size_t block_at_ = 0;     // where the next block starts in the file
    std::uint64_t index_ = 0;
    bool ended_ = false;
};

// The HMAC block stream written into `out` as the ciphertext comes; finish() adds the final empty block.
class HmacBlockWriter final : public io::Output {
public:
    HmacBlockWriter(ByteView hmac_base_key, io::Output& out);
    void write(ByteView ciphertext) override;
    void finish();

private:
    void emit();
    crypto::SecureBytes key_;
    io::Output& out_;
    Bytes block_;
    std::uint64_t index_ = 0;
};
Bytes write_hmac_blocks(ByteView ciphertext, ByteView hmac_base_key);

// The hashed block stream read as it is decrypted: each block's index and SHA-256 are checked
// before its data goes on. Offsets in messages are positions in the decrypted stream.
class HashedBlockReader {
public:
    explicit HashedBlockReader(const std::string& file) : file_(file) {}
    // The next decrypted bytes; the data of each verified block goes to `out`. Data after the final
    // block is ignored.
    void feed(ByteView stream, const std::function<void(ByteView)>& out);
    // Errc::malformed when the stream ended before the final (empty) block.
    void finish() const;

private:
    const std::string& file_;
    crypto::SecureBytes pending_;  // the block being received
    std::size_t block_at_ = 0;     // where it starts in the stream
    std::uint32_t index_ = 0;
    bool ended_ = false;
};

// The hashed block stream written into `out` as the plaintext comes; finish() adds the final block.
class HashedBlockWriter final : public io::Output {
public:
    explicit HashedBlockWriter(io::Output& out) : out_(out) {}
    void write(ByteView payload) override;
    void finish();

private:
    void emit();
    io::Output& out_;
    crypto::SecureBytes block_;  // plaintext: wiped
    std::uint32_t index_ = 0;
};

}  // namespace cxf::kdbx::detail
