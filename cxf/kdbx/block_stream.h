// SPDX-License-Identifier: MIT
// Payload framing: KDBX 4's HMAC block stream (around the ciphertext) and KDBX 3.x's hashed block
// stream (inside the plaintext).
#pragma once

#include <functional>
#include <string>

#include "cxf/io/output.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// Verifies each block's HMAC and then hands its ciphertext to `block`, in order. `offset` is where
// `blocks` starts in the file. Errc::integrity names the failing block and offset; Errc::malformed for
// truncation (no final empty block).
void read_hmac_blocks(ByteView blocks, std::size_t offset, ByteView hmac_base_key, const std::string& file,
                      const std::function<void(ByteView)>& block);

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
