// SPDX-License-Identifier: MIT
// KDBX outer header codec (KeePass 2.x KdbxFile: 16-bit field lengths in 2.x/3.x, 32-bit in 4.x).
#include "cxf/kdbx/header.h"

#include <algorithm>

#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/kdf.h"

namespace cxf::kdbx::detail {

namespace {

enum class FieldId : std::uint8_t {
    end = 0,
    comment = 1,
    cipher_id = 2,
    compression = 3,
    master_seed = 4,
    transform_seed = 5,
    transform_rounds = 6,
    encryption_iv = 7,
    stream_key = 8,
    stream_start_bytes = 9,
    inner_stream_id = 10,
    kdf_parameters = 11,
    public_custom_data = 12,
};

std::string_view field_name(std::uint8_t id) noexcept {
    switch (static_cast<FieldId>(id)) {
        case FieldId::end: return "EndOfHeader";
        case FieldId::comment: return "Comment";
        case FieldId::cipher_id: return "CipherID";
        case FieldId::compression: return "CompressionFlags";
        case FieldId::master_seed: return "MasterSeed";
        case FieldId::transform_seed: return "TransformSeed";
        case FieldId::transform_rounds: return "TransformRounds";
        case FieldId::encryption_iv: return "EncryptionIV";
        case FieldId::stream_key: return "ProtectedStreamKey";
        case FieldId::stream_start_bytes: return "StreamStartBytes";
        case FieldId::inner_stream_id: return "InnerRandomStreamID";
        case FieldId::kdf_parameters: return "KdfParameters";
        case FieldId::public_custom_data: return "PublicCustomData";
    }
    return "unknown field";
}

// Cipher UUIDs (KeePass: StandardAesEngine, ChaCha20Engine; the Twofish plugin).
constexpr Uuid aes256_uuid{0x31, 0xc1, 0xf2, 0xe6, 0xbf, 0x71, 0x43, 0x50,
                           0xbe, 0x58, 0x05, 0x21, 0x6a, 0xfc, 0x5a, 0xff};
constexpr Uuid twofish_uuid{0xad, 0x68, 0xf2, 0x9f, 0x57, 0x6f, 0x4b, 0xb9,
                            0xa3, 0x6a, 0xd4, 0x7a, 0xf9, 0x65, 0x34, 0x6c};
constexpr Uuid chacha20_uuid{0xd6, 0x03, 0x8a, 0x2b, 0x8b, 0x6f, 0x4c, 0xb5,
                             0xa5, 0x24, 0x33, 0x9a, 0x31, 0xdb, 0xb5, 0x9a};

const Uuid& cipher_uuid(Cipher cipher) noexcept {
    switch (cipher) {
        case Cipher::aes256_cbc: return aes256_uuid;
        case Cipher::twofish_cbc: return twofish_uuid;
        case Cipher::chacha20: return chacha20_uuid;
    }
    return aes256_uuid;
}

// Inner random stream ids (KeePass CrsAlgorithm): 1 is the obsolete ArcFour variant.
constexpr std::uint32_t stream_id_none = 0, stream_id_arcfour = 1, stream_id_salsa20 = 2, stream_id_chacha20 = 3;

Bytes as_bytes_copy(ByteView v) { return Bytes(v.begin(), v.end()); }

class HeaderParser {
public:
    HeaderParser(ByteView file, const std::string& file_name) : file_(file_name), in_(file, 0, file_name, "") {}

    OuterHeader run() {
        if (in_.remaining() < 12)
            throw Error(Errc::unrecognized, {file_, "offset 0"}, "too short to be a KDBX file");
        const auto sig1 = in_.read<std::uint32_t>("signature");
        const auto sig2 = in_.read<std::uint32_t>("signature");
        if (sig1 == signature1 && sig2 == signature2_kdb)
            throw Error(Errc::unsupported, {file_, "offset 0"},
                        "KeePass 1.x .kdb is not supported; open it in KeePass 2 or KeePassXC and save it as .kdbx");
        if (sig1 != signature1 || (sig2 != signature2_kdbx && sig2 != signature2_prerelease))
            throw Error(Errc::unrecognized, {file_, "offset 0"}, "not a KDBX file (no KeePass signature)");
        const auto version = in_.read<std::uint32_t>("version");
        header_.version = FormatVersion{static_cast<std::uint16_t>(version >> 16), static_cast<std::uint16_t>(version)};
        if (header_.version.major < 2 || header_.version.major > 4)
            throw Error(Errc::unsupported, {file_, "offset 8 (version)"},
                        "KDBX version " + std::to_string(header_.version.major) + "." +
                            std::to_string(header_.version.minor) + " is not supported (2.x to 4.x are)");
        read_fields();
        check_required();
        header_.size = in_.position();
        return std::move(header_);
    }

private:
    bool kdbx4() const noexcept { return header_.version.major >= 4; }

    void read_fields() {
        for (;;) {
            const std::size_t at = in_.position();
            const auto id = in_.read<std::uint8_t>("header field id");
            const std::string what(field_name(id));
            const std::size_t length =
                kdbx4() ? in_.read_length32(what + " length") : in_.read<std::uint16_t>(what + " length");
            const std::size_t data_at = in_.position();
            const ByteView data = in_.take(length, what);
            place_ = in_.place_at(at, what);
            switch (static_cast<FieldId>(id)) {
                case FieldId::end: return;  // any length; KeePass writes \r\n\r\n, some writers nothing
                case FieldId::cipher_id:
                    header_.cipher = read_cipher(data);
                    seen_cipher_ = true;
                    break;
                case FieldId::compression:
                    header_.compression = read_compression(data);
                    seen_compression_ = true;
                    break;
                case FieldId::master_seed: header_.master_seed = sized(data, 32, what); break;
                case FieldId::encryption_iv: header_.iv = as_bytes_copy(data); break;
                case FieldId::transform_seed: transform_seed_ = sized(data, 32, what); break;
                case FieldId::transform_rounds:
                    transform_rounds_ = load_le<std::uint64_t>(sized(data, 8, what).data());
                    seen_rounds_ = true;
                    break;
                case FieldId::stream_key: header_.stream_key = crypto::secure_copy(data); break;
                case FieldId::stream_start_bytes: header_.stream_start_bytes = sized(data, 32, what); break;
                case FieldId::inner_stream_id:
                    header_.inner_stream = read_stream_id(data);
                    seen_stream_id_ = true;
                    break;
                case FieldId::kdf_parameters:
                    header_.kdf = kdf_from_map(parse_variant_map(data, data_at, file_, what), file_, place_);
                    seen_kdf_ = true;
                    break;
                case FieldId::public_custom_data:
                    header_.public_custom_data = parse_variant_map(data, data_at, file_, what);
                    break;
                case FieldId::comment: break;
                default: break;  // unknown fields are skipped, as KeePass and KeePassXC do
            }
        }
    }

    Bytes sized(ByteView data, std::size_t size, const std::string& what) const {
        if (data.size() != size)
            throw Error(Errc::malformed, {file_, place_},
                        what + " has " + std::to_string(data.size()) + " bytes, not " + std::to_string(size));
        return as_bytes_copy(data);
    }

    Cipher read_cipher(ByteView data) const {
        const Bytes id = sized(data, 16, "CipherID");
        for (const Cipher c : {Cipher::aes256_cbc, Cipher::twofish_cbc, Cipher::chacha20})
            if (std::equal(id.begin(), id.end(), cipher_uuid(c).begin())) return c;
        throw Error(Errc::unsupported, {file_, place_},
                    "unknown cipher (only AES-256, ChaCha20 and Twofish are supported)");
    }

    Compression read_compression(ByteView data) const {
        const auto flags = load_le<std::uint32_t>(sized(data, 4, "CompressionFlags").data());
        if (flags > 1)
            throw Error(Errc::unsupported, {file_, place_}, "unknown compression algorithm " + std::to_string(flags));
        return flags == 1 ? Compression::gzip : Compression::none;
    }

    InnerStream read_stream_id(ByteView data) const {
        return inner_stream_from_id(load_le<std::uint32_t>(sized(data, 4, "InnerRandomStreamID").data()), file_,
                                    place_);
    }

    void require(bool present, std::string_view field) const {
        if (!present)
            throw Error(Errc::malformed, {file_, in_.place("header")},
                        "the header has no " + std::string(field) + " field");
    }

    void check_required() {
        require(seen_cipher_, "CipherID");
        require(seen_compression_, "CompressionFlags");
        require(!header_.master_seed.empty(), "MasterSeed");
        require(!header_.iv.empty(), "EncryptionIV");
        if (header_.iv.size() != iv_size(header_.cipher))
            throw Error(Errc::malformed, {file_, in_.place("EncryptionIV")},
                        "EncryptionIV has " + std::to_string(header_.iv.size()) + " bytes; " +
                            std::string(name(header_.cipher)) + " needs " + std::to_string(iv_size(header_.cipher)));
        if (kdbx4()) {
            require(seen_kdf_, "KdfParameters");
            // KDBX 4 keeps the stream settings in the inner header; any left here are ignored (KeePass).
            header_.stream_key.clear();
            header_.stream_start_bytes.clear();
            header_.inner_stream = InnerStream::none;
            return;
        }
        require(!transform_seed_.empty(), "TransformSeed");
        require(seen_rounds_, "TransformRounds");
        require(!header_.stream_start_bytes.empty(), "StreamStartBytes");
        require(seen_stream_id_, "InnerRandomStreamID");
        if (header_.inner_stream != InnerStream::none) require(!header_.stream_key.empty(), "ProtectedStreamKey");
        header_.kdf = KdfParameters{};
        header_.kdf.kdf = Kdf::aes_kdf;
        header_.kdf.salt = transform_seed_;
        header_.kdf.rounds = transform_rounds_;
        header_.public_custom_data.clear();
    }

    const std::string& file_;
    ByteReader in_;
    OuterHeader header_;
    std::string place_;
    Bytes transform_seed_;
    std::uint64_t transform_rounds_ = 0;
    bool seen_cipher_ = false, seen_compression_ = false, seen_rounds_ = false, seen_stream_id_ = false,
         seen_kdf_ = false;
};

void put_field(Bytes& out, bool kdbx4, FieldId id, ByteView data) {
    out.push_back(static_cast<std::uint8_t>(id));
    if (kdbx4)
        append_le(out, static_cast<std::uint32_t>(data.size()));
    else
        append_le(out, static_cast<std::uint16_t>(data.size()));
    out.insert(out.end(), data.begin(), data.end());
}

template <typename T>
Bytes le_bytes(T value) {
    Bytes out;
    append_le(out, value);
    return out;
}

}  // namespace

std::size_t iv_size(Cipher cipher) noexcept { return cipher == Cipher::chacha20 ? 12 : 16; }

OuterHeader parse_header(ByteView file, const std::string& file_name) { return HeaderParser(file, file_name).run(); }

// The fields as HeaderParser reads them, their lengths only.
std::optional<std::size_t> header_length(ByteView file) {
    if (file.size() < 12) return std::nullopt;
    const bool kdbx4 = load_le<std::uint16_t>(file.data() + 10) >= 4;  // the major version
    const std::size_t length_bytes = kdbx4 ? 4 : 2;
    for (std::size_t at = 12;;) {
        if (file.size() < at + 1 + length_bytes) return std::nullopt;
        const std::uint64_t length =
            kdbx4 ? load_le<std::uint32_t>(file.data() + at + 1) : load_le<std::uint16_t>(file.data() + at + 1);
        const std::uint8_t id = file[at];
        at += 1 + length_bytes + length;
        if (id == 0) return at;
    }
}

// Field order as KeePass writes it: 2, 3, 4, (5, 6 | 11), 7, (8, 9, 10), 12, 0.
Bytes write_header(const OuterHeader& header) {
    const bool kdbx4 = header.version.major >= 4;
    Bytes out;
    append_le(out, signature1);
    append_le(out, signature2_kdbx);
    append_le(out, (std::uint32_t{header.version.major} << 16) | header.version.minor);
    put_field(out, kdbx4, FieldId::cipher_id, cipher_uuid(header.cipher));
    put_field(out, kdbx4, FieldId::compression,
              le_bytes<std::uint32_t>(header.compression == Compression::gzip ? 1 : 0));
    put_field(out, kdbx4, FieldId::master_seed, header.master_seed);
    if (kdbx4) {
        put_field(out, kdbx4, FieldId::kdf_parameters, write_variant_map(kdf_to_map(header.kdf)));
    } else {
        put_field(out, kdbx4, FieldId::transform_seed, header.kdf.salt);
        put_field(out, kdbx4, FieldId::transform_rounds, le_bytes(header.kdf.rounds));
    }
    put_field(out, kdbx4, FieldId::encryption_iv, header.iv);
    if (!kdbx4) {
        put_field(out, kdbx4, FieldId::stream_key, header.stream_key);
        put_field(out, kdbx4, FieldId::stream_start_bytes, header.stream_start_bytes);
        put_field(out, kdbx4, FieldId::inner_stream_id, le_bytes(inner_stream_id(header.inner_stream)));
    }
    if (kdbx4 && !header.public_custom_data.empty())
        put_field(out, kdbx4, FieldId::public_custom_data, write_variant_map(header.public_custom_data));
    constexpr std::uint8_t end_marker[] = {'\r', '\n', '\r', '\n'};
    put_field(out, kdbx4, FieldId::end, end_marker);
    return out;
}

HeaderInfo header_info(const OuterHeader& header) {
    HeaderInfo info;
    info.version = header.version;
    info.cipher = header.cipher;
    info.compression = header.compression;
    info.kdf = header.kdf;
    if (header.version.major < 4) info.inner_stream = header.inner_stream;
    info.public_custom_data = header.public_custom_data;
    return info;
}

InnerStream inner_stream_from_id(std::uint32_t id, const std::string& file, const std::string& place) {
    switch (id) {
        case stream_id_none: return InnerStream::none;
        case stream_id_salsa20: return InnerStream::salsa20;
        case stream_id_chacha20: return InnerStream::chacha20;
        case stream_id_arcfour:
            throw Error(Errc::unsupported, {file, place}, "the ArcFour inner random stream is not supported");
        default: throw Error(Errc::unsupported, {file, place}, "unknown inner random stream " + std::to_string(id));
    }
}

std::uint32_t inner_stream_id(InnerStream stream) noexcept {
    switch (stream) {
        case InnerStream::none: return stream_id_none;
        case InnerStream::salsa20: return stream_id_salsa20;
        case InnerStream::chacha20: return stream_id_chacha20;
    }
    return stream_id_none;
}

}  // namespace cxf::kdbx::detail
