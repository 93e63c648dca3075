// SPDX-License-Identifier: MIT
// KeePass KdbxFile inner header (KDBX 4): id byte, int32 length, data; ends with id 0.
#include "cxf/kdbx/inner_header.h"

#include <algorithm>

#include "cxf/io/deflate.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/header.h"

namespace cxf::kdbx::detail {

namespace {

enum class InnerFieldId : std::uint8_t { end = 0, stream_id = 1, stream_key = 2, binary = 3 };
constexpr std::uint8_t binary_protected_flag = 0x01;
// The largest buffer an attachment gets before its bytes come; a longer one grows to its length.
constexpr std::size_t max_reserve = 64 << 20;

std::string_view inner_field_name(std::uint8_t id) noexcept {
    switch (static_cast<InnerFieldId>(id)) {
        case InnerFieldId::end: return "End";
        case InnerFieldId::stream_id: return "InnerRandomStreamID";
        case InnerFieldId::stream_key: return "InnerRandomStreamKey";
        case InnerFieldId::binary: return "Binary";
    }
    return "unknown field";
}

void put_field(crypto::SecureBytes& out, InnerFieldId id, std::size_t length) {
    out.push_back(static_cast<std::uint8_t>(id));
    append_le(out, static_cast<std::int32_t>(length));
}

}  // namespace

std::size_t InnerHeaderReader::feed(ByteView data) {
    std::size_t used = 0;
    while (!done_ && used < data.size()) {
        if (fields_have_ < sizeof fields_) {
            if (fields_have_ == 0) record_start_ = position_ + used;
            fields_[fields_have_++] = data[used++];
            if (fields_have_ == sizeof fields_) begin_record();
            continue;
        }
        const std::size_t n = std::min(length_ - have_, data.size() - used);
        ByteView piece = data.subspan(used, n);
        const auto id = static_cast<InnerFieldId>(fields_[0]);
        if (id == InnerFieldId::binary) {
            Binary& binary = header_.binaries.back();
            if (have_ == 0) {
                binary.protect = (piece[0] & binary_protected_flag) != 0;
                piece = piece.subspan(1);
            }
            crypto::SecureBytes& bytes = binary.data;
            if (bytes.capacity() < bytes.size() + piece.size())
                bytes.reserve(std::min(std::max(2 * bytes.capacity(), bytes.size() + piece.size()), length_ - 1));
            bytes.insert(bytes.end(), piece.begin(), piece.end());
        } else if (id == InnerFieldId::stream_id || id == InnerFieldId::stream_key) {
            small_.insert(small_.end(), piece.begin(), piece.end());
        }  // the End record's data and unknown records are skipped, as KeePass does
        have_ += n;
        used += n;
        if (have_ == length_) end_record();
    }
    position_ += used;
    return used;
}

// A record's id and length have come.
void InnerHeaderReader::begin_record() {
    const auto length = load_le<std::int32_t>(fields_ + 1);
    const std::string what(inner_field_name(fields_[0]));
    if (length < 0)
        throw Error(Errc::malformed, {file_, place(what + " length")},
                    "negative length " + std::to_string(length) + " for " + what + " length");
    length_ = static_cast<std::size_t>(length);
    have_ = 0;
    switch (static_cast<InnerFieldId>(fields_[0])) {
        case InnerFieldId::stream_id:
            if (length_ != 4)
                throw Error(Errc::malformed, {file_, place(what)}, what + " has " + std::to_string(length_) + " bytes, not 4");
            break;
        case InnerFieldId::binary:
            if (length_ == 0) throw Error(Errc::malformed, {file_, place(what)}, "a Binary record needs at least its flags byte");
            header_.binaries.emplace_back();
            // Sized once for its length, unless that is very large: the bytes have not come yet, and a
            // length no payload backs must not cost memory (a buffer is wiped whole when it is freed).
            header_.binaries.back().data.reserve(std::min(length_ - 1, max_reserve));
            break;
        default: break;
    }
    if (length_ == 0) end_record();
}

// A record's data is complete.
void InnerHeaderReader::end_record() {
    const std::string what(inner_field_name(fields_[0]));
    switch (static_cast<InnerFieldId>(fields_[0])) {
        case InnerFieldId::end:
            if (!seen_id_) throw Error(Errc::malformed, {file_, place(what)}, "the inner header has no InnerRandomStreamID");
            if (header_.stream != InnerStream::none && header_.stream_key.empty())
                throw Error(Errc::malformed, {file_, place(what)}, "the inner header has no InnerRandomStreamKey");
            done_ = true;
            break;
        case InnerFieldId::stream_id:
            header_.stream = inner_stream_from_id(load_le<std::uint32_t>(small_.data()), file_, place(what));
            seen_id_ = true;
            break;
        case InnerFieldId::stream_key: header_.stream_key = std::move(small_); break;
        default: break;
    }
    small_ = crypto::SecureBytes();
    fields_have_ = 0;
}

void InnerHeaderReader::finish() const {
    if (done_) return;
    if (fields_have_ == 0)
        throw Error(Errc::malformed, {file_, "inner header offset " + std::to_string(position_)},
                    "truncated: the payload ends before the inner header's End record");
    const std::string what(inner_field_name(fields_[0]));
    const std::string read = fields_have_ < sizeof fields_
                                 ? std::to_string(fields_have_) + " of its 5 bytes of id and length came"
                                 : std::to_string(have_) + " of its " + std::to_string(length_) + " bytes of data came";
    throw Error(Errc::malformed, {file_, place(what)},
                "truncated: the payload ends inside the inner header's " + what + " record (" + read + ")");
}

std::string InnerHeaderReader::place(std::string_view what) const {
    return "inner header offset " + std::to_string(record_start_) + " (" + std::string(what) + ")";
}

void write_inner_header(InnerStream stream, ByteView stream_key, const std::vector<Binary>& binaries, io::Output& out) {
    crypto::SecureBytes fields;  // holds the stream key
    put_field(fields, InnerFieldId::stream_id, 4);
    append_le(fields, inner_stream_id(stream));
    put_field(fields, InnerFieldId::stream_key, stream_key.size());
    fields.insert(fields.end(), stream_key.begin(), stream_key.end());
    out.write(fields);
    for (const Binary& binary : binaries) {
        fields.clear();
        const ByteView bytes = binary.bytes();
        put_field(fields, InnerFieldId::binary, bytes.size() + 1);
        fields.push_back(binary.protect ? binary_protected_flag : 0);
        // The field's head goes as its bytes go, so that stored attachments in a row are one stored run.
        if (io::compresses(bytes)) {
            out.write(fields);
            out.write(bytes);
        } else {
            out.write_incompressible(fields);
            out.write_incompressible(bytes);
        }
    }
    fields.clear();
    put_field(fields, InnerFieldId::end, 0);
    out.write(fields);
}

}  // namespace cxf::kdbx::detail
