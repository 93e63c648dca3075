// SPDX-License-Identifier: MIT
// The KDBX 4 inner header: inner stream settings and the attachment pool, ahead of the XML.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx::detail {

struct InnerHeader {
    InnerStream stream = InnerStream::none;
    crypto::SecureBytes stream_key;
    std::vector<Binary> binaries;
};

// Reads the inner header as the payload streams in. An attachment's bytes go straight into its own
// buffer, which is sized from its record's length: the header is never gathered whole, and nothing
// is copied. Offsets in messages are positions in the decrypted, decompressed payload.
class InnerHeaderReader {
public:
    explicit InnerHeaderReader(const std::string& file) : file_(file) {}

    // Takes the header's bytes from the front of `data` and returns how many it took: all of them
    // until the End record is complete.
    std::size_t feed(ByteView data);
    bool done() const noexcept { return done_; }
    InnerHeader take() { return std::move(header_); }
    // The payload has ended: throws, naming the record it ended in, when the header is not complete.
    void finish() const;

private:
    void begin_record();
    void end_record();
    std::string place(std::string_view what) const;

    const std::string& file_;
    InnerHeader header_;
    bool seen_id_ = false, done_ = false;
    std::uint64_t position_ = 0;      // in the payload
    std::uint64_t record_start_ = 0;
    std::uint8_t fields_[5] = {};     // the record's id and length, as they arrive
    std::size_t fields_have_ = 0;
    std::size_t length_ = 0, have_ = 0;  // the record's data: its length and what has come of it
    crypto::SecureBytes small_;       // a record's data other than an attachment's bytes
};

// Written into `out` field by field: the attachments are not copied.
void write_inner_header(InnerStream stream, ByteView stream_key, const std::vector<Binary>& binaries, io::Output& out);

}  // namespace cxf::kdbx::detail
