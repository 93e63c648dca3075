// SPDX-License-Identifier: MIT
// RapidJSON output streams into wiped memory, and the writer types cxf uses.
#pragma once

#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <string_view>

#include "cxf/io/output.h"
#include "cxf/secret.h"

namespace cxf::json {

// RapidJSON output stream over any container of chars or bytes with push_back.
template <typename Container>
class AppendStream {
public:
    using Ch = char;
    explicit AppendStream(Container& out) : out_(out) {}
    void Put(char c) { out_.push_back(static_cast<typename Container::value_type>(c)); }
    void Flush() {}

private:
    Container& out_;
};

using SecureStream = AppendStream<crypto::SecureBytes>;
using SecretStream = AppendStream<crypto::Secret>;

// RapidJSON output stream staging bytes in a wiped 64 KiB buffer on their way to an io::Output, so a
// large document is never held whole. Call Flush() when done (RapidJSON also does at the end of the
// top-level value).
class OutputStream {
public:
    using Ch = char;
    explicit OutputStream(io::Output& out) : out_(out) { buffer_.reserve(capacity); }
    void Put(char c) {
        buffer_.push_back(static_cast<std::uint8_t>(c));
        if (buffer_.size() == capacity) Flush();
    }
    void Flush() {
        if (buffer_.empty()) return;
        out_.write(buffer_);
        buffer_.clear();
    }

private:
    static constexpr std::size_t capacity = 64 * 1024;
    io::Output& out_;
    crypto::SecureBytes buffer_;
};

// RapidJSON 1.1.0's PrettyWriter cannot take kWriteValidateEncodingFlag (it derives from the
// unflagged Writer), so writers check their text with valid_utf8() themselves.
template <typename Stream>
using Writer = rapidjson::Writer<Stream>;
template <typename Stream>
using PrettyWriter = rapidjson::PrettyWriter<Stream>;

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) noexcept;

}  // namespace cxf::json
