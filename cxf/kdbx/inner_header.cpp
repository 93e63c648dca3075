// SPDX-License-Identifier: MIT
// KeePass KdbxFile inner header (KDBX 4): id byte, int32 length, data; ends with id 0.
#include "cxf/kdbx/inner_header.h"

#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/header.h"

namespace cxf::kdbx::detail {

namespace {

enum class InnerFieldId : std::uint8_t { end = 0, stream_id = 1, stream_key = 2, binary = 3 };
constexpr std::uint8_t binary_protected_flag = 0x01;

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

InnerHeader parse_inner_header(ByteView payload, const std::string& file) {
    ByteReader in(payload, 0, file, "inner header ");
    InnerHeader header;
    bool seen_id = false;
    for (;;) {
        const std::size_t at = in.position();
        const auto id = in.read<std::uint8_t>("inner header field id");
        const std::string what(inner_field_name(id));
        const std::size_t length = in.read_length32(what + " length");
        const ByteView data = in.take(length, what);
        switch (static_cast<InnerFieldId>(id)) {
            case InnerFieldId::end:
                if (!seen_id)
                    throw Error(Errc::malformed, {file, in.place_at(at, what)},
                                "the inner header has no InnerRandomStreamID");
                if (header.stream != InnerStream::none && header.stream_key.empty())
                    throw Error(Errc::malformed, {file, in.place_at(at, what)},
                                "the inner header has no InnerRandomStreamKey");
                header.size = in.position();
                return header;
            case InnerFieldId::stream_id:
                if (length != 4)
                    throw Error(Errc::malformed, {file, in.place_at(at, what)},
                                what + " has " + std::to_string(length) + " bytes, not 4");
                header.stream = inner_stream_from_id(load_le<std::uint32_t>(data.data()), file, in.place_at(at, what));
                seen_id = true;
                break;
            case InnerFieldId::stream_key: header.stream_key = crypto::secure_copy(data); break;
            case InnerFieldId::binary:
                if (data.empty())
                    throw Error(Errc::malformed, {file, in.place_at(at, what)},
                                "a Binary record needs at least its flags byte");
                header.binaries.push_back(
                    Binary{crypto::secure_copy(data.subspan(1)), (data[0] & binary_protected_flag) != 0});
                break;
            default: break;  // unknown records are skipped, as KeePass does
        }
    }
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
        put_field(fields, InnerFieldId::binary, binary.data.size() + 1);
        fields.push_back(binary.protect ? binary_protected_flag : 0);
        out.write(fields);
        out.write(binary.data);
    }
    fields.clear();
    put_field(fields, InnerFieldId::end, 0);
    out.write(fields);
}

}  // namespace cxf::kdbx::detail
