// SPDX-License-Identifier: MIT
// A KDBX 3.x pooled attachment (Meta/Binaries/Binary) decoded from its XML text as the text comes:
// base64, then the inner stream when it is protected, then gzip when it is compressed. Only the
// attachment's bytes are held, never its text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/xml.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

class BinaryText {
public:
    // `name` and `line`: the element, for errors.
    BinaryText(const XmlReadContext& context, bool is_protected, bool compressed, std::string name, std::uint64_t line);

    // The next piece of the element's own text; `line` is where it is, for the length cap's error.
    void feed(std::string_view text, std::uint64_t line);
    crypto::SecureBytes finish();

private:
    void decode(std::string_view base64);
    [[noreturn]] void not_base64() const;

    const XmlReadContext& ctx_;
    bool protected_, compressed_;
    std::string name_;
    std::uint64_t line_;
    std::uint64_t text_size_ = 0;
    crypto::Secret base64_;  // not yet decoded: the last characters short of four, or all from the first '='
    bool padded_ = false;
    crypto::SecureBytes data_;
    std::optional<GzipReader> gzip_;
    std::uint64_t compressed_size_ = 0;
};

}  // namespace cxf::kdbx::detail
