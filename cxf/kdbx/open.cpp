// SPDX-License-Identifier: MIT
// Reading a KDBX file: header, key derivation, verification in the order that tells a wrong key
// from damage, decryption, decompression, inner header and XML.
#include <algorithm>

#include "cxf/crypto/hash.h"
#include "cxf/error.h"
#include "cxf/kdbx/block_stream.h"
#include "cxf/kdbx/bytes.h"
#include "cxf/kdbx/cipher.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/header.h"
#include "cxf/kdbx/inner_header.h"
#include "cxf/kdbx/kdf.h"
#include "cxf/kdbx/keys.h"
#include "cxf/kdbx/xml.h"

namespace cxf::kdbx {

namespace {

using namespace detail;

constexpr std::string_view wrong_key_kdbx3 = "wrong password or key file, or the file is damaged";

crypto::SecureBytes decompress(crypto::SecureBytes payload, Compression compression, const Limits& limits,
                               std::uint64_t& inflate_budget, const std::string& file) {
    if (compression == Compression::none) return payload;
    return gunzip(payload, limits, inflate_budget, file, "compressed payload");
}

// KDBX 4: [header][SHA-256(header)][HMAC(header)][HMAC blocks of ciphertext].
Database open4(ByteView file, const OuterHeader& header, const MasterKeys& keys, const Limits& limits,
               std::uint64_t& inflate_budget, const std::string& name) {
    const ByteView header_bytes = file.first(header.size);
    const ByteView stored_mac = file.subspan(header.size + 32, 32);
    const crypto::SecureBytes mac = crypto::hmac_sha256(block_hmac_key(keys.hmac_base_key, UINT64_MAX), {header_bytes});
    // The header is known intact (its SHA-256 matched), so a failing HMAC can only be the key.
    if (!crypto::equal_ct(mac, stored_mac))
        throw Error(Errc::wrong_password, {name, "offset " + std::to_string(header.size + 32) + " (header HMAC)"},
                    "wrong password or key file");
    const std::size_t blocks_at = header.size + 64;
    const Bytes ciphertext = read_hmac_blocks(file.subspan(blocks_at), blocks_at, keys.hmac_base_key, name);
    crypto::SecureBytes plain =
        decrypt_payload(header.cipher, keys.cipher_key, header.iv, ciphertext, name, "encrypted payload");
    // Authenticated with the right key, so bad padding is the writer's fault, not the password's.
    if (!strip_padding(header.cipher, plain))
        throw Error(Errc::malformed, {name, "encrypted payload"}, "the payload's padding is invalid");
    crypto::SecureBytes payload = decompress(std::move(plain), header.compression, limits, inflate_budget, name);
    InnerHeader inner = parse_inner_header(payload, name);
    InnerStreamCipher stream(inner.stream, inner.stream_key);
    const crypto::SecureBytes header_hash = crypto::sha256({header_bytes});
    Database db =
        read_xml(std::span(payload).subspan(inner.size), std::move(inner.binaries),
                 XmlReadContext{name, limits, header.version, stream, header_hash, inflate_budget});
    db.public_custom_data = header.public_custom_data;
    return db;
}

// KDBX 2.x/3.x: [header][ciphertext of: stream start bytes, hashed blocks of the payload].
Database open3(ByteView file, const OuterHeader& header, const MasterKeys& keys, const Limits& limits,
               std::uint64_t& inflate_budget, const std::string& name) {
    const ByteView ciphertext = file.subspan(header.size);
    if (ciphertext.empty())
        throw Error(Errc::malformed, {name, "offset " + std::to_string(header.size)},
                    "truncated: nothing follows the header");
    crypto::SecureBytes plain = decrypt_payload(header.cipher, keys.cipher_key, header.iv, ciphertext, name,
                                                "offset " + std::to_string(header.size) + " (encrypted payload)");
    // KDBX 3.x has no MAC: the start bytes, in the first cipher blocks, are the only proof of the key.
    // They are checked before the padding, so that damage to the last blocks is told from a wrong key.
    constexpr std::size_t start_bytes = 32;
    if (plain.size() < start_bytes)
        throw Error(Errc::malformed, {name, "offset " + std::to_string(header.size) + " (encrypted payload)"},
                    "truncated: the payload is too short to hold its start bytes");
    if (!crypto::equal_ct(ByteView(plain).first(start_bytes), header.stream_start_bytes))
        throw Error(Errc::wrong_password, {name, "offset " + std::to_string(header.size) + " (StreamStartBytes)"},
                    std::string(wrong_key_kdbx3));
    if (!strip_padding(header.cipher, plain) || plain.size() < start_bytes) {
        const std::size_t last_block = file.size() - std::min<std::size_t>(16, ciphertext.size());
        throw Error(Errc::malformed, {name, "offset " + std::to_string(last_block) + " (last cipher block)"},
                    "the payload's padding is invalid: the file is truncated or damaged");
    }
    crypto::SecureBytes payload = decompress(read_hashed_blocks(ByteView(plain).subspan(start_bytes), name),
                                             header.compression, limits, inflate_budget, name);
    InnerStreamCipher stream(header.inner_stream, header.stream_key);
    const crypto::SecureBytes header_hash = crypto::sha256({file.first(header.size)});
    return read_xml(payload, {}, XmlReadContext{name, limits, header.version, stream, header_hash, inflate_budget});
}

}  // namespace

Confidence detect(ByteView head) noexcept {
    if (head.size() < 8 || load_le<std::uint32_t>(head.data()) != signature1) return Confidence::no;
    const auto sig2 = load_le<std::uint32_t>(head.data() + 4);
    return sig2 == signature2_kdbx || sig2 == signature2_prerelease || sig2 == signature2_kdb ? Confidence::yes
                                                                                              : Confidence::no;
}

HeaderInfo read_header_info(ByteView file, const std::string& file_name) {
    return header_info(parse_header(file, file_name));
}

Database open(ByteView file, const CompositeKey& key, const Limits& limits, const std::string& file_name) {
    if (file.size() > limits.max_input_bytes)
        throw Error(Errc::limit_exceeded, {file_name, ""},
                    "the file has " + std::to_string(file.size()) + " bytes, over the cap of " +
                        std::to_string(limits.max_input_bytes));
    const OuterHeader header = parse_header(file, file_name);
    const bool kdbx4 = header.version.major >= 4;
    if (kdbx4) {
        if (file.size() < header.size + 64)
            throw Error(Errc::malformed, {file_name, "offset " + std::to_string(header.size) + " (header hash)"},
                        "truncated: the header's SHA-256 and HMAC are missing");
        // Checked before the (costly) KDF: a mismatch here is damage, whatever the key.
        if (!crypto::equal_ct(crypto::sha256({file.first(header.size)}), file.subspan(header.size, 32)))
            throw Error(Errc::integrity, {file_name, "offset " + std::to_string(header.size) + " (header SHA-256)"},
                        "the header is damaged: its SHA-256 does not match");
    }
    check_kdf(header.kdf, limits, file_name, kdbx4 ? "KdfParameters" : "TransformRounds");
    try {
        const MasterKeys keys = derive_master_keys(header.master_seed, transform_key(key.hash, header.kdf));
        // Limits::max_decompressed_bytes is for all the file inflates to: payload and attachments.
        std::uint64_t inflate_budget = limits.max_decompressed_bytes;
        return kdbx4 ? open4(file, header, keys, limits, inflate_budget, file_name)
                     : open3(file, header, keys, limits, inflate_budget, file_name);
    } catch (const Error& e) {
        throw e.in_file(file_name);
    }
}

}  // namespace cxf::kdbx
