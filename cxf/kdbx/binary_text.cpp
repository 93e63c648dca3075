// SPDX-License-Identifier: MIT
#include "cxf/kdbx/binary_text.h"

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/kdbx/inner_stream.h"
#include "cxf/kdbx/xml_parser.h"
#include "cxf/kdbx/xml_values.h"

namespace cxf::kdbx::detail {

namespace {

// Base64 text gathered before it is decoded: a few parser pieces.
constexpr std::size_t decode_at = 64 * 1024;

}  // namespace

BinaryText::BinaryText(const XmlReadContext& context, bool is_protected, bool compressed, std::string name,
                       std::uint64_t line)
    : ctx_(context), protected_(is_protected), compressed_(compressed), name_(std::move(name)), line_(line) {}

void BinaryText::feed(std::string_view text, std::uint64_t line) {
    text_size_ += text.size();
    // An attachment's text is capped as an input, not as a string.
    if (text_size_ > ctx_.limits.max_input_bytes)
        throw Error(Errc::limit_exceeded, {ctx_.file, xml_place(line, name_)},
                    "a text value is longer than the cap of " + std::to_string(ctx_.limits.max_input_bytes) + " bytes");
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = at;
        while (end < text.size() && !is_xml_space(text[end])) ++end;
        const std::string_view run = text.substr(at, end - at);
        // Everything from padding on waits for the end, where the decoder sees it as it would whole.
        padded_ = padded_ || run.find('=') != std::string_view::npos;
        base64_.append(run);
        at = end + 1;
    }
    if (padded_ || base64_.size() < decode_at) return;
    const std::size_t whole = base64_.size() - base64_.size() % 4;
    decode(base64_.view().substr(0, whole));
    const crypto::Secret rest(base64_.view().substr(whole));
    base64_.clear();
    base64_.append(rest.view());
}

crypto::SecureBytes BinaryText::finish() {
    decode(base64_.view());
    base64_.wipe();
    if (gzip_) {
        try {
            gzip_->finish();
        } catch (const Error& e) {
            throw e.at_place(xml_place(line_, name_));
        }
        check_ratio(data_.size(), compressed_size_, ctx_.limits, ctx_.file, xml_place(line_, name_));
    }
    return std::move(data_);
}

void BinaryText::decode(std::string_view base64) {
    if (base64.empty()) return;
    std::optional<crypto::SecureBytes> bytes = encoding::base64_decode_secure(base64);
    if (!bytes) not_base64();
    if (protected_) ctx_.stream.apply(*bytes);
    // An empty element stands for empty content even when marked Compressed (pykeepass writes that).
    if (!compressed_) {
        data_.insert(data_.end(), bytes->begin(), bytes->end());
        return;
    }
    try {
        if (!gzip_) gzip_.emplace(ctx_.limits, ctx_.inflate_budget, ctx_.file, std::string());
        compressed_size_ += bytes->size();
        gzip_->feed(*bytes, [&](ByteView piece) { data_.insert(data_.end(), piece.begin(), piece.end()); });
    } catch (const Error& e) {
        throw e.at_place(xml_place(line_, name_));
    }
}

void BinaryText::not_base64() const {
    throw Error(Errc::malformed, {ctx_.file, xml_place(line_, name_)}, "not base64");
}

}  // namespace cxf::kdbx::detail
